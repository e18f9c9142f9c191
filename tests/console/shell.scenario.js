// The console's shell in a real browser: security headers, sign-in (keyboard only; technicians
// refused), navigation by role, every screen without a console error or CSP violation, languages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lacksRoute, launchBrowser, newPage, screenshot, signIn, startServer, waitFor } from './lib/harness.js';

describe('console shell', () => {
    let server;
    let browser;
    let noSession = false;
    before(async () => {
        server = await startServer();
        browser = await launchBrowser();
        noSession = await lacksRoute(server, 'POST', 'console/session');
    });
    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    test('the console is served with a strict CSP and the security headers', async () => {
        const root = await fetch(`${server.url}/`, { redirect: 'manual' });
        assert.equal(root.status, 302);
        assert.equal(root.headers.get('location'), '/console/');
        const res = await fetch(`${server.url}/console/`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type'), /^text\/html/);
        const csp = res.headers.get('content-security-policy');
        for (const d of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"])
            assert.ok(csp.includes(d), `${d} in ${csp}`);
        assert.ok(!csp.includes('unsafe-inline'));
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
        const html = await res.text();
        assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script');
        assert.ok(!/\sstyle=/.test(html), 'no style attributes');
        assert.equal((await fetch(`${server.url}/console/missing.js`)).status, 404);
        // In the browser: the sign-in screen, with no error, no CSP violation and no failed request.
        const page = await newPage(browser);
        await page.goto(`${server.url}/console/`);
        await page.waitForSelector('#signin-user');
        assert.equal(await page.title(), 'Outpost console');
        assert.deepEqual(page.problems, []);
        await page.close();
    });

    test('sign-in with the keyboard alone, as a dispatcher; every screen without an error', async (t) => {
        assert.equal(noSession, false, 'the console session route is in the build');
        const page = await newPage(browser);
        await page.goto(`${server.url}/console/`);
        await page.waitForSelector('#signin-user');
        await screenshot(page, 'signin');
        // Focus starts in the user field; Tab moves to the password; Enter signs in.
        assert.equal(await page.evaluate(() => document.activeElement.id), 'signin-user');
        await page.keyboard.type('dana');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'signin-password');
        await page.keyboard.type('dana');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#sign-out');
        const nav = await page.$$eval('#nav a', (as) => as.map((a) => a.getAttribute('href')));
        assert.deepEqual(nav, ['#/dispatch', '#/devices', '#/sync-issues'], 'a dispatcher sees no admin screens');
        for (const href of nav) {
            await page.goto(`${server.url}/console/${href}`);
            await waitFor(page, (h) => document.querySelector(`#nav a[href="${h}"][aria-current="page"]`) && !document.querySelector('main .loading'), href, { what: href });
        }
        // A reload keeps the session (cookie), and signing out ends it.
        await page.reload();
        await page.waitForSelector('#sign-out');
        await page.click('#sign-out');
        await page.waitForSelector('#signin-user');
        await page.reload();
        await page.waitForSelector('#signin-user');
        assert.deepEqual(page.problems, []);
        await page.close();
    });

    test('a technician is refused and gets no session', async (t) => {
        assert.equal(noSession, false, 'the console session route is in the build');
        const page = await newPage(browser);
        await page.goto(`${server.url}/console/`);
        await page.waitForSelector('#signin-user');
        await page.type('#signin-user', 'alice');
        await page.type('#signin-password', 'alice');
        await page.keyboard.press('Enter');
        await waitFor(page, () => document.querySelector('#signin-error').textContent.length > 0, null, { what: 'the refusal' });
        const message = await page.$eval('#signin-error', (e) => e.textContent);
        assert.match(message, /may not use the console/);
        assert.equal(await page.$('#sign-out'), null);
        const cookies = await page.cookies();
        assert.equal(cookies.find((c) => c.name === 'outpost_console'), undefined);
        page.allowProblems(/403/);
        assert.deepEqual(page.problems, []);
        await page.close();
    });

    test('an administrator sees every screen; German and French are chosen and switchable', async (t) => {
        assert.equal(noSession, false, 'the console session route is in the build');
        const page = await newPage(browser, { lang: 'de-DE' });
        await page.goto(`${server.url}/console/`);
        await page.waitForSelector('#signin-user');
        assert.equal(await page.$eval('#signin-submit', (b) => b.textContent), 'Anmelden');
        await signIn(page, server, 'carol');
        const nav = await page.$$eval('#nav a', (as) => as.map((a) => a.getAttribute('href')));
        assert.deepEqual(nav, ['#/dispatch', '#/devices', '#/sync-issues', '#/users', '#/case-types', '#/data-pages']);
        for (const href of nav) {
            await page.goto(`${server.url}/console/${href}`);
            await waitFor(page, (h) => document.querySelector(`#nav a[href="${h}"][aria-current="page"]`) && !document.querySelector('main .loading'), href, { what: href });
        }
        // The dispatch list words case types and statuses as the case types do in German.
        await page.goto(`${server.url}/console/#/dispatch`);
        await waitFor(page, () => [...document.querySelectorAll('#case-list tbody tr')].some((r) => r.cells[3].textContent === 'Anlagenprüfung'), null, { what: 'German case type titles in the case list' });
        const statuses = await page.$$eval('#case-list tbody tr', (rows) => rows.map((r) => r.cells[4].textContent));
        assert.ok(statuses.every((s) => !/^(New|InProgress|In progress)$/.test(s)), `statuses in German: ${statuses.join(', ')}`);
        assert.ok(statuses.some((s) => ['Neu', 'In Arbeit', 'Abgeschlossen', 'Diagnostiziert', 'In Reparatur', 'Geplant', 'In Installation'].includes(s)), `statuses in German: ${statuses.join(', ')}`);
        await page.select('#language', 'en');
        for (const id of ['users', 'case-types']) {
            await page.goto(`${server.url}/console/#/${id}`);
            await page.waitForSelector('main table tbody tr');
            await screenshot(page, id);
        }
        await page.select('#language', 'fr');
        await waitFor(page, () => document.querySelector('#sign-out').textContent === 'Se déconnecter', null, { what: 'French' });
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
        assert.deepEqual(page.problems, []);
        await page.close();
    });
});
