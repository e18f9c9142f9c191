// Case types in a real browser as an administrator: bad JSON and an invalid type get a clear
// message and change nothing; a compatible upgrade is checked and saved; a change that forces every
// device to a full sync says so before it is saved.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, lacksRoute, launchBrowser, newPage, screenshot, signIn, startServer, waitFor } from './lib/harness.js';

describe('case types', () => {
    let server;
    let browser;
    let missing = '';
    before(async () => {
        server = await startServer({ demoCases: 20 });
        browser = await launchBrowser();
        for (const [m, p] of [['POST', 'console/session'], ['GET', 'admin/case-types'], ['POST', 'admin/case-types/x/check']])
            if (await lacksRoute(server, m, p)) missing = `${m} /api/v1/${p} is not in this build yet`;
    });
    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    async function setJson(page, text) {
        await page.$eval('#casetype-json', (el, v) => {
            el.value = v;
            el.dispatchEvent(new Event('input'));
        }, text);
    }

    test('check before saving: bad input refused, compatible saved, full sync announced', async (t) => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        const carol = await bearer(server, 'carol');
        const version = async () => (await carol.call('GET', 'admin/case-types/inspection')).body.version;
        const v0 = await version();
        const page = await newPage(browser);
        await signIn(page, server, 'carol', { at: '#/case-types' });
        await page.waitForSelector('button.open-casetype');
        await page.evaluate(() => [...document.querySelectorAll('button.open-casetype')].find((b) => b.textContent === 'inspection').click());
        await page.waitForSelector('dialog #casetype-json');
        const doc = JSON.parse(await page.$eval('#casetype-json', (e) => e.value));
        assert.equal(doc.name, 'inspection');

        // Not JSON: a message at the editor, nothing sent.
        await setJson(page, '{"name": "inspection",');
        await page.click('dialog button[type="submit"]');
        await waitFor(page, () => document.querySelector('#casetype-json').getAttribute('aria-invalid') === 'true', null, { what: 'the JSON error' });
        // Valid JSON, invalid type (a field of an unknown type): the server's errors, nothing saved.
        await setJson(page, JSON.stringify({ ...doc, version: doc.version + 1, fields: [...doc.fields, { name: 'x', type: 'colour' }] }, null, 2));
        await page.click('#casetype-check-button');
        await page.waitForSelector('#casetype-check .verdict.bad');
        assert.equal(await version(), v0);

        // A compatible upgrade: an optional field more.
        const compatible = { ...doc, version: doc.version + 1, fields: [...doc.fields, { name: 'weather', label: 'Weather', type: 'text', maxLength: 200 }] };
        await setJson(page, JSON.stringify(compatible, null, 2));
        await page.click('#casetype-check-button');
        await page.waitForSelector('#casetype-verdict');
        assert.match(await page.$eval('#casetype-verdict', (e) => e.textContent), /compatible upgrade/);
        await screenshot(page, 'case-types-check');
        await page.click('dialog button[type="submit"]');
        await waitFor(page, () => !document.querySelector('dialog'), null, { what: 'the save' });
        assert.equal(await version(), v0 + 1);

        // Incompatible (a field's type changes): the verdict comes first, a second Save saves.
        await page.evaluate(() => [...document.querySelectorAll('button.open-casetype')].find((b) => b.textContent === 'inspection').click());
        await page.waitForSelector('dialog #casetype-json');
        const saved = JSON.parse(await page.$eval('#casetype-json', (e) => e.value));
        const incompatible = { ...saved, version: saved.version + 1, fields: saved.fields.map((f) => (f.name === 'readingKw' ? { name: f.name, label: f.label, type: 'text' } : f)) };
        await setJson(page, JSON.stringify(incompatible, null, 2));
        await page.click('dialog button[type="submit"]');
        await page.waitForSelector('#casetype-verdict');
        assert.match(await page.$eval('#casetype-verdict', (e) => e.textContent), /full sync/);
        assert.match(await page.$eval('dialog .form-error', (e) => e.textContent), /Press Save again/);
        assert.equal(await version(), v0 + 1, 'not saved before the second press');
        await page.click('dialog button[type="submit"]');
        await waitFor(page, () => !document.querySelector('dialog'), null, { what: 'the second save' });
        assert.equal(await version(), v0 + 2);
        assert.deepEqual(page.problems, []);
        await page.close();
    });
});
