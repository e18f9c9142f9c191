// Users in a real browser as an administrator: a too-short password is refused with its message and
// nothing is added; a user is added, then disabled (their sessions end at once).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, lacksRoute, launchBrowser, newPage, screenshot, signIn, startServer, waitFor } from './lib/harness.js';

describe('users', () => {
    let server;
    let browser;
    let missing = '';
    before(async () => {
        server = await startServer({ demoCases: 20 });
        browser = await launchBrowser();
        for (const [m, p] of [['POST', 'console/session'], ['GET', 'admin/users'], ['POST', 'admin/users']])
            if (await lacksRoute(server, m, p)) missing = `${m} /api/v1/${p} is not in this build yet`;
    });
    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    const row = (id) => [...document.querySelectorAll('#user-list tbody tr')].find((r) => r.dataset.key === id)?.textContent || '';

    test('add a user (bad password refused first), then disable them', async (t) => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        const page = await newPage(browser);
        await signIn(page, server, 'carol', { at: '#/users' });
        await page.waitForSelector('#user-list tbody tr');
        await screenshot(page, 'users');
        await page.click('#add-user');
        await page.waitForSelector('dialog #user-id');
        await page.type('#user-id', 'erin');
        await page.type('#user-name', 'Erin Evans');
        await page.type('#user-password', 'short');
        await page.keyboard.press('Enter');
        await waitFor(page, () => document.querySelector('dialog .form-error')?.textContent.length > 0, null, { what: 'the refusal' });
        assert.equal(await page.evaluate(`(${row})('erin')`), '', 'nothing added');
        await page.click('#user-password', { clickCount: 3 });
        await page.type('#user-password', 'a-long-enough-password');
        await page.keyboard.press('Enter');
        await waitFor(page, () => !document.querySelector('dialog'), null, { what: 'the dialog to close' });
        await waitFor(page, `(${row})('erin').includes('Active')`, null, { what: 'the new user' });

        const erin = await bearer(server, 'erin', 'a-long-enough-password');
        assert.equal((await erin.call('GET', 'sync/changes?limit=1')).status, 200);
        await page.click('button.user-toggle[data-user="erin"]');
        await page.waitForSelector('dialog button.danger[type="submit"]');
        await page.click('dialog button.danger[type="submit"]');
        await waitFor(page, `(${row})('erin').includes('Disabled')`, null, { what: 'the disabled state' });
        assert.notEqual((await erin.call('GET', 'sync/changes?limit=1')).status, 200, 'her session ended');
        page.allowProblems(/status of 400/); // the refused first attempt, on purpose
        assert.deepEqual(page.problems, []);
        await page.close();
    });
});
