// The sync-issues workbasket in a real browser as a dispatcher: an action the server could not
// apply (the case had left the technician's scope) shows beside the case's current state; reapplied
// from the console it is applied exactly once and the issue is resolved.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { bearer, lacksRoute, launchBrowser, newPage, screenshot, signIn, startServer, waitFor } from './lib/harness.js';

describe('sync issues', () => {
    let server;
    let browser;
    let missing = '';
    before(async () => {
        server = await startServer({ demoCases: 60 });
        browser = await launchBrowser();
        for (const [m, p] of [['POST', 'console/session'], ['GET', 'admin/cases']])
            if (await lacksRoute(server, m, p)) missing = `${m} /api/v1/${p} is not in this build yet`;
    });
    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    test('reapply a sync issue: applied once, then resolved', async (t) => {
        assert.equal(missing, '', 'every route the screen uses is in the build');
        const carol = await bearer(server, 'carol');
        const alice = await bearer(server, 'alice');
        const list = await carol.call('GET', 'admin/cases?assignee=alice&limit=1');
        assert.equal(list.status, 200, JSON.stringify(list.body));
        const id = list.body.cases[0].id;
        // The case leaves alice's scope; her note on it comes back "gone" and is filed as an issue.
        assert.equal((await carol.call('PUT', `admin/cases/${id}/assignment`, { assignee: 'bob' })).status, 200);
        const text = `Found the fault behind panel ${randomUUID().slice(0, 8)}`;
        const upload = await alice.call('POST', 'sync/actions', { deviceId: alice.deviceId, actions: [{ id: randomUUID(), type: 'note', caseId: id, text, clientTime: new Date().toISOString() }] });
        assert.equal(upload.status, 200);
        assert.equal(upload.body.results[0].status, 'gone', JSON.stringify(upload.body));
        assert.equal((await carol.call('PUT', `admin/cases/${id}/assignment`, { assignee: 'alice' })).status, 200);

        const page = await newPage(browser);
        await signIn(page, server, 'dana', { at: '#/sync-issues' });
        await page.waitForSelector('section.issue');
        const shown = await page.$eval('section.issue', (s) => s.textContent);
        assert.ok(shown.includes(id) && shown.includes(text), shown);
        await screenshot(page, 'sync-issues');
        await page.click('section.issue .issue-reapply');
        await page.waitForSelector('dialog #issue-action');
        await screenshot(page, 'sync-issues-reapply');
        await page.click('dialog button[type="submit"]');
        await waitFor(page, () => !document.querySelector('dialog') && !document.querySelector('section.issue'), null, { what: 'the issue to leave the open list' });
        await page.click('#issues-resolved');
        await waitFor(page, (i) => [...document.querySelectorAll('section.issue')].some((s) => s.textContent.includes(i)), id, { what: 'the resolved issue' });

        const details = await carol.call('GET', `admin/cases/${id}`);
        const notes = [...(details.body.notes || []), ...(details.body.history || [])].filter((e) => e.text === text);
        assert.equal(notes.length > 0, true, JSON.stringify(details.body));
        const noteEntries = (details.body.notes || []).filter((n) => n.text === text);
        assert.ok(noteEntries.length <= 1, 'applied once');
        // Reapplying again changes nothing.
        const issues = await carol.call('GET', 'admin/sync-issues?state=resolved');
        const issue = issues.body.issues.find((i) => i.caseId === id);
        const again = await carol.call('POST', `admin/sync-issues/${issue.id}/reapply`, {});
        assert.notEqual(again.status, 200);
        const after = await carol.call('GET', `admin/cases/${id}`);
        assert.equal((after.body.history || []).filter((e) => e.text === text).length, (details.body.history || []).filter((e) => e.text === text).length);
        assert.deepEqual(page.problems, []);
        await page.close();
    });
});
