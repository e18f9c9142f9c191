// Devices in a real browser as a dispatcher: the technician's device appears and its row updates
// when the client syncs (live, no reload); wiping it from the console makes the client's next sync
// erase its store (checked on disk) and the console shows the wipe done.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { bearer, haveKeyring, lacksRoute, launchBrowser, newPage, screenshot, signIn, startServer, technicianCli, waitFor } from './lib/harness.js';

describe('devices', () => {
    let server;
    let browser;
    let missing = '';
    before(async () => {
        server = await startServer({ demoCases: 60 });
        browser = await launchBrowser();
        for (const [m, p] of [['POST', 'console/session'], ['GET', 'admin/devices'], ['PUT', 'device']])
            if (await lacksRoute(server, m, p)) missing = `${m} /api/v1/${p} is not in this build yet`;
    });
    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    const aliceRow = () => [...document.querySelectorAll('#device-list tbody tr')].find((r) => r.cells[0].textContent === 'alice');

    test('stuck devices come first, and "stuck only" shows just them', async () => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        // A stuck device (work pending for two days, never synced) signs in first, so newest
        // contact first would put it last; three healthy ones after it.
        const stuck = await bearer(server, 'bob', 'bob', 'van-stuck-7');
        const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000).toISOString();
        const put = await stuck.call('PUT', 'device', { deviceName: 'van 7', appVersion: '0.1.0', os: 'Debian 12', pendingActions: 4, oldestPendingAt: twoDaysAgo, lastSyncAt: null, lastSyncError: null, storeSchema: 5 });
        assert.equal(put.status, 200, JSON.stringify(put.body));
        for (let i = 0; i < 3; i++) await bearer(server, 'bob', 'bob', `van-ok-${i}`);

        const page = await newPage(browser);
        await signIn(page, server, 'dana', { at: '#/devices' });
        await page.waitForSelector('#device-list[data-loads] tbody tr');
        const keys = () => page.$$eval('#device-list tbody tr', (rows) => rows.map((r) => r.dataset.key));
        assert.equal((await keys())[0], 'van-stuck-7', 'the stuck device is the first row');
        assert.match(await page.$eval('#device-list tbody tr', (r) => r.className), /stuck/);
        const all = (await keys()).length;
        assert.ok(all >= 4, `every device is listed (${all})`);

        const loads = await page.$eval('#device-list', (el) => Number(el.dataset.loads));
        await page.click('#device-stuck-only');
        await waitFor(page, (n) => Number(document.querySelector('#device-list').dataset.loads) > n, loads, { what: 'the stuck-only list' });
        assert.deepEqual(await keys(), ['van-stuck-7']);
        assert.match(await page.$eval('#device-summary', (el) => el.textContent), new RegExp(`${all}\\D.*1`), 'the summary still counts every device and the stuck one');
        assert.deepEqual(page.problems, []);
        await page.close();
    });

    test('a device row follows the client; wipe erases the client store', async (t) => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        if (!haveKeyring()) return t.skip('needs the keyring of scripts/test.sh for the technician CLI');
        const cli = technicianCli(server);
        try {
            assert.equal((await cli.signIn('alice')).code, 0);
            const page = await newPage(browser);
            await signIn(page, server, 'dana', { at: '#/devices' });
            await page.waitForSelector('#device-list[data-loads]');
            // The client syncs; its report reaches the open screen through the live hint.
            const sync = await cli.run(['sync']);
            assert.equal(sync.code, 0, sync.stderr);
            const listed = (await (await bearer(server, 'carol')).call('GET', 'admin/devices')).body.devices;
            assert.ok(listed.some((d) => d.user === 'alice' && d.appVersion), 'the client reported itself (PUT /device)');
            await waitFor(page, `(${aliceRow})()`, null, { what: "alice's device row", timeout: 15000 });
            await waitFor(page, () => /0\.1\.0/.test([...document.querySelectorAll('#device-list tbody tr')].find((r) => r.cells[0].textContent === 'alice').textContent), null, { what: 'the reported version, live' });
            await screenshot(page, 'devices');
            const deviceId = await page.evaluate(() => [...document.querySelectorAll('#device-list tbody tr')].find((r) => r.cells[0].textContent === 'alice').dataset.key);

            await page.click(`button.device-actions[data-device="${deviceId}"]`);
            await page.waitForSelector('#device-action-wipe');
            await page.click('#device-action-wipe');
            await page.waitForSelector('dialog button.danger[type="submit"]');
            await page.click('dialog button.danger[type="submit"]');
            await waitFor(page, () => !document.querySelector('dialog'), null, { what: 'the confirmation to close' });

            const stores = () => readdirSync(cli.profile, { recursive: true }).filter((f) => String(f).endsWith('.sqlite'));
            assert.ok(stores().length > 0, 'the client has a store before the wipe');
            const wiped = await cli.run(['sync']);
            assert.notEqual(wiped.code, 0);
            assert.deepEqual(stores(), [], 'the store is erased');
            await page.reload();
            await page.waitForSelector('#device-list[data-loads]');
            const state = await page.$eval(`#device-list tr[data-key="${deviceId}"]`, (r) => r.textContent);
            assert.match(state, /Wiped|Wipe pending/);
            page.allowProblems(/403/);
            assert.deepEqual(page.problems, []);
            await page.close();
        } finally {
            cli.cleanup();
        }
    });
});
