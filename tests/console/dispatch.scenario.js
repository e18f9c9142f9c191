// Dispatch in a real browser as a dispatcher: the server-paged list, a create form with per-field
// errors, create and assign with instructions → the technician's `outpost sync` receives it and
// `outpost case show` shows the instructions; bulk assignment.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { haveKeyring, lacksRoute, launchBrowser, newPage, screenshot, signIn, startServer, technicianCli, waitFor } from './lib/harness.js';

describe('dispatch', () => {
    let server;
    let browser;
    let missing = '';
    before(async () => {
        server = await startServer({ demoCases: 300 });
        browser = await launchBrowser();
        for (const [m, p] of [['POST', 'console/session'], ['GET', 'admin/cases'], ['POST', 'admin/cases'], ['GET', 'admin/assignees']])
            if (await lacksRoute(server, m, p)) missing = `${m} /api/v1/${p} is not in this build yet`;
    });
    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    const loads = (page) => page.$eval('#case-list', (e) => Number(e.dataset.loads || 0));
    async function waitForLoad(page, before) {
        await waitFor(page, (n) => Number(document.querySelector('#case-list')?.dataset.loads || 0) > n, before, { what: 'the case list' });
    }

    test('the list is paged on the server and filtered', async (t) => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        const page = await newPage(browser);
        await signIn(page, server, 'dana');
        await page.waitForSelector('#case-list[data-loads] tbody tr');
        assert.equal(await page.$$eval('#case-list tbody tr', (r) => r.length), 50);
        assert.match(await page.$eval('#page-status', (e) => e.textContent), /^1–50 of 30\d$/);
        await screenshot(page, 'dispatch');
        let n = await loads(page);
        await page.click('#page-next');
        await waitForLoad(page, n);
        assert.match(await page.$eval('#page-status', (e) => e.textContent), /^51–100 of/);
        // Unassigned only, then a search by id prefix.
        n = await loads(page);
        await page.select('#filter-assignee', '');
        await waitForLoad(page, n);
        const assignees = await page.$$eval('#case-list tbody tr td:nth-child(6)', (tds) => tds.map((td) => td.textContent));
        assert.ok(assignees.every((a) => a === 'Unassigned' || a.startsWith('Queue ')), assignees.join('|'));
        n = await loads(page);
        const firstId = await page.$eval('#case-list tbody tr .open-case', (b) => b.textContent);
        await page.select('#filter-assignee', '*');
        await waitForLoad(page, n);
        n = await loads(page);
        await page.type('#filter-q', firstId);
        await page.keyboard.press('Enter');
        await waitForLoad(page, n);
        const ids = await page.$$eval('#case-list tbody tr .open-case', (bs) => bs.map((b) => b.textContent));
        assert.ok(ids.length >= 1 && ids.every((id) => id.startsWith(firstId)), ids.join(','));
        assert.deepEqual(page.problems, []);
        await page.close();
    });

    test('create a case: per-field errors first, then created and assigned; the technician syncs it', async (t) => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        const page = await newPage(browser);
        await signIn(page, server, 'dana');
        await page.waitForSelector('#case-list[data-loads]');
        await page.click('#new-case');
        await page.waitForSelector('dialog #create-title');
        await page.select('#create-type', 'inspection');
        await page.waitForSelector('dialog [data-field="visitDate"]');
        await page.type('#create-title', 'Check the north transformer');
        // Site and visit date are required: the server says so per field, nothing is created.
        await page.click('dialog button[type="submit"]');
        await waitFor(page, () => document.querySelector('dialog [data-field="site"]')?.getAttribute('aria-invalid') === 'true', null, { what: 'the per-field error' });
        const siteError = await page.$eval('dialog [data-field="site"]', (el) => document.getElementById(`${el.id}-error`).textContent);
        assert.ok(siteError.length > 0);
        await screenshot(page, 'dispatch-create');
        await page.type('dialog [data-field="site"]', 'S-001');
        await page.$eval('dialog [data-field="visitDate"]', (el) => {
            el.value = '2026-12-20';
        });
        await page.select('#assign-kind', 'assignee');
        await page.select('#assign-assignee', 'alice');
        await page.type('#create-instructions', 'Gate code 4411; bring the thermal camera.');
        await page.$eval('#create-due', (el) => {
            el.value = '2026-12-19T09:30';
        });
        await page.click('dialog button[type="submit"]');
        await waitFor(page, () => !document.querySelector('dialog'), null, { what: 'the dialog to close' });
        const toast = await page.$eval('#toasts', (e) => e.textContent);
        const id = toast.match(/Case (\S+) created/)[1];
        const detail = await page.evaluate(async (i) => (await (await fetch(`/api/v1/admin/cases/${i}`)).json()), id);
        assert.equal(detail.assignment.assignee, 'alice');
        assert.equal(detail.assignment.instructions, 'Gate code 4411; bring the thermal camera.');
        assert.ok(detail.assignment.dueAt, 'a due date');
        page.allowProblems(/status of 400/); // the refused first attempt, on purpose
        assert.deepEqual(page.problems, []);
        await page.close();

        if (!haveKeyring()) return t.diagnostic('no keyring: the technician side is checked under scripts/test.sh');
        const cli = technicianCli(server);
        try {
            const signedIn = await cli.signIn('alice');
            assert.equal(signedIn.code, 0, signedIn.stderr + signedIn.stdout);
            const sync = await cli.run(['sync']);
            assert.equal(sync.code, 0, sync.stderr);
            const show = await cli.run(['--json', 'case', 'show', id]);
            assert.equal(show.code, 0, show.stderr);
            assert.match(show.stdout, new RegExp(`"id": "${id}"`));
            assert.match(show.stdout, /"assignee": "alice"/);
            const shown = JSON.parse(show.stdout);
            assert.equal(shown.assignments.length, 1, show.stdout);
            assert.equal(shown.assignments[0].instructions, 'Gate code 4411; bring the thermal camera.');
            assert.ok(shown.assignments[0].dueAt, show.stdout);
            const text = await cli.run(['case', 'show', id]);
            assert.equal(text.code, 0, text.stderr);
            assert.match(text.stdout, /instructions:\n {2}Gate code 4411; bring the thermal camera\./);
            assert.match(text.stdout, /^due: {6}\S/m);
        } finally {
            cli.cleanup();
        }
    });

    test('bulk assign a selection to a queue', async (t) => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        const page = await newPage(browser);
        await signIn(page, server, 'dana');
        await page.waitForSelector('#case-list[data-loads] tbody tr');
        // With the keyboard: Space toggles a row's box, and the focus stays on it.
        const boxes = await page.$$('#case-list tbody tr input[type="checkbox"]');
        for (const b of boxes.slice(0, 3)) {
            await b.focus();
            await page.keyboard.press('Space');
        }
        assert.ok(await boxes[2].evaluate((b) => b === document.activeElement), 'focus stays on the toggled box');
        const picked = await page.$$eval('#case-list tbody tr.selected', (rows) => rows.map((r) => r.dataset.key));
        assert.equal(picked.length, 3);
        assert.equal(await page.$eval('#selection-count', (e) => e.textContent), '3 selected');
        await page.click('#assign-selected');
        await page.waitForSelector('dialog #assign-kind');
        await page.select('#assign-kind', 'queue');
        await page.select('#assign-queue', 'south');
        await page.type('#assign-instructions', 'Storm damage round');
        const n = await loads(page);
        await page.focus('dialog button[type="submit"]');
        await page.keyboard.press('Enter');
        await waitForLoad(page, n);
        for (const id of picked) {
            const c = await page.evaluate(async (i) => (await (await fetch(`/api/v1/admin/cases/${i}`)).json()), id);
            assert.equal((c.assignment || c.case).queue, 'south', id);
            assert.equal((c.assignment || c.case).instructions, 'Storm damage round', id);
        }
        assert.deepEqual(page.problems, []);
        await page.close();
    });
});
