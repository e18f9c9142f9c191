// Reference data in a real browser as an administrator: a CSV with one bad row shows per-row errors
// and imports nothing; a good one imports, and a technician's app then offers the new site.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bearer, haveKeyring, lacksRoute, launchBrowser, newPage, screenshot, signIn, startServer, technicianCli, waitFor } from './lib/harness.js';

describe('reference data', () => {
    let server;
    let browser;
    let missing = '';
    let dir;
    before(async () => {
        server = await startServer({ demoCases: 20 });
        browser = await launchBrowser();
        dir = mkdtempSync(path.join(tmpdir(), 'outpost-console-csv-'));
        for (const [m, p] of [['POST', 'console/session'], ['GET', 'admin/data-pages']])
            if (await lacksRoute(server, m, p)) missing = `${m} /api/v1/${p} is not in this build yet`;
    });
    after(async () => {
        await browser?.close();
        await server?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    test('CSV import: per-row errors and nothing imported, then a good file', async (t) => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        const carol = await bearer(server, 'carol');
        const pages = await carol.call('GET', 'admin/data-pages');
        const before = pages.body.dataPages.find((p) => p.name === 'sites').rows;
        // The page as the server exports it, plus a new site; the bad file also has a row without a key.
        const csv = (await (await fetch(`${server.url}/api/v1/admin/data-pages/sites/csv`, { headers: { Authorization: `Bearer ${carol.token}` } })).text()).replace(/\r?\n$/, '');
        const lines = csv.split(/\r?\n/);
        const header = lines[0].split(',');
        const keyCol = header.indexOf('key');
        const template = lines[1].split(',');
        const row = (key) => template.map((v, i) => (i === keyCol ? key : v)).join(',');
        const good = [...lines, row('S-900')].join('\r\n') + '\r\n';
        const bad = [...lines.slice(0, 3), row(''), ...lines.slice(3), row('S-900')].join('\r\n') + '\r\n';
        writeFileSync(path.join(dir, 'bad.csv'), bad);
        writeFileSync(path.join(dir, 'good.csv'), good);

        const page = await newPage(browser);
        await signIn(page, server, 'carol', { at: '#/data-pages' });
        await page.waitForSelector('button.datapage-import[data-page="sites"]');
        await screenshot(page, 'data-pages');
        await page.click('button.datapage-import[data-page="sites"]');
        const file = await page.waitForSelector('dialog #import-file');
        await file.uploadFile(path.join(dir, 'bad.csv'));
        await page.waitForSelector('#import-summary');
        assert.match(await page.$eval("#import-summary", (e) => e.textContent), /1 error\b/);
        assert.match(await page.$eval('#import-report', (e) => e.textContent), /\b4\b/); // the bad row's line
        await screenshot(page, 'data-pages-import');
        await page.click('dialog button[type="submit"]');
        await waitFor(page, () => document.querySelector('dialog .form-error')?.textContent.length > 0, null, { what: 'the refusal' });
        assert.equal((await carol.call('GET', 'admin/data-pages')).body.dataPages.find((p) => p.name === 'sites').rows, before, 'nothing imported');

        await file.uploadFile(path.join(dir, 'good.csv'));
        await waitFor(page, () => /no error/.test(document.querySelector('#import-summary')?.textContent || ''), null, { what: 'a clean check' });
        await page.click('dialog button[type="submit"]');
        await waitFor(page, () => !document.querySelector('dialog'), null, { what: 'the import' });
        assert.equal((await carol.call('GET', 'admin/data-pages')).body.dataPages.find((p) => p.name === 'sites').rows, before + 1);
        assert.deepEqual(page.problems, []);
        await page.close();

        if (!haveKeyring()) return t.diagnostic('no keyring: the technician side is checked under scripts/test.sh');
        const cli = technicianCli(server);
        try {
            assert.equal((await cli.signIn('alice')).code, 0);
            assert.equal((await cli.run(['sync'])).code, 0);
            const created = await cli.run(['case', 'create', 'inspection', 'site=S-900', 'visitDate=2026-12-20', '--title', 'At the new site']);
            assert.equal(created.code, 0, created.stderr);
        } finally {
            cli.cleanup();
        }
    });
});
