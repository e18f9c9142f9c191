// Real parts for the console's browser tests: outpostd on an ephemeral loopback port with a temp
// SQLite database, Debian's chromium headless through puppeteer-core, and pages that record every
// console error, uncaught exception and CSP violation so a test can assert there were none.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = process.env.OUTPOST_SOURCE_DIR || path.resolve(here, '../../..');
const buildDir = process.env.OUTPOST_BUILD_DIR || path.join(sourceDir, 'build');
export const outpostdBin = process.env.OUTPOSTD_BIN || path.join(buildDir, 'server/outpostd');
export const cliBin = process.env.OUTPOST_CLI_BIN || path.join(buildDir, 'cli/outpost-cli');
export const chromiumBin = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** Runs a program to its end: { code, stdout, stderr }. */
export function run(bin, args, { env = {}, timeoutMs = 60000, input } = {}) {
    return new Promise((resolve, reject) => {
        const child = spawn(bin, args, { env: { ...process.env, ...env } });
        if (input !== undefined) child.stdin.end(input);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', reject);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}

/**
 * Starts outpostd on 127.0.0.1:0 with a fresh database (the demo data set: alice and bob
 * technicians, carol administrator, dana dispatcher; passwords are the names).
 */
export async function startServer({ demoCases = 120, args = [] } = {}) {
    if (!existsSync(outpostdBin)) throw new Error(`outpostd not found at ${outpostdBin} (set OUTPOSTD_BIN)`);
    const dir = mkdtempSync(path.join(tmpdir(), 'outpost-console-'));
    const db = `sqlite:${path.join(dir, 'outpostd.sqlite')}`;
    const proc = spawn(outpostdBin, ['--listen', '127.0.0.1:0', '--db', db, '--demo', '--demo-cases', String(demoCases),
        '--pbkdf2-iterations', '1000', ...args], { env: { ...process.env, QT_LOGGING_RULES: '*.debug=false' } });
    let log = '';
    proc.stderr.on('data', (d) => (log += d));
    const url = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`outpostd did not start:\n${log}`)), 30000);
        proc.stdout.on('data', (d) => {
            out += d;
            const m = out.match(/listening on (http:\/\/[^\s]+)/);
            if (m) {
                clearTimeout(timer);
                resolve(m[1]);
            }
        });
        proc.on('exit', (code) => reject(new Error(`outpostd exited (${code}):\n${log}`)));
    });
    return {
        url,
        db,
        dir,
        log: () => log,
        async stop() {
            if (proc.exitCode === null) {
                const exited = new Promise((r) => proc.once('exit', r));
                proc.kill('SIGTERM');
                await exited;
            }
            rmSync(dir, { recursive: true, force: true });
        },
    };
}

export async function launchBrowser() {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'outpost-chromium-'));
    const browser = await puppeteer.launch({
        executablePath: chromiumBin,
        headless: true,
        userDataDir,
        args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
            '--lang=en-US', `--user-data-dir=${userDataDir}`],
        defaultViewport: { width: 1280, height: 800 },
    });
    const close = browser.close.bind(browser);
    browser.close = async () => {
        await close();
        rmSync(userDataDir, { recursive: true, force: true });
    };
    return browser;
}

/** A page that records problems: console errors, uncaught exceptions, CSP violations, failed loads. */
export async function newPage(browser, { lang = 'en-US', width = 1280, height = 800 } = {}) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width, height });
    await page.setExtraHTTPHeaders({ 'Accept-Language': lang });
    await page.evaluateOnNewDocument((l) => {
        Object.defineProperty(navigator, 'languages', { get: () => [l] });
        document.addEventListener('securitypolicyviolation', (e) => {
            console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
    }, lang);
    page.problems = [];
    page.on('console', (msg) => {
        if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => page.problems.push(`exception: ${err.message}`));
    page.on('requestfailed', (req) => {
        const failure = req.failure();
        if (failure && failure.errorText !== 'net::ERR_ABORTED') page.problems.push(`request failed: ${req.url()} ${failure.errorText}`);
    });
    page.allowProblems = (re) => {
        page.problems = page.problems.filter((p) => !re.test(p));
    };
    const close = page.close.bind(page);
    page.close = async () => {
        await close();
        await context.close();
    };
    return page;
}

/** Signs in through the form, with the keyboard as a person would; `at` is the screen to open (#/devices). */
export async function signIn(page, server, user, { password = user, at = '' } = {}) {
    await page.goto(`${server.url}/console/${at}`);
    await page.waitForSelector('#signin-user');
    await page.type('#signin-user', user);
    await page.type('#signin-password', password);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sign-out', { timeout: 10000 });
}

/** Waits until fn() in the page is truthy; a clear message when it never is. */
export async function waitFor(page, fn, arg, { timeout = 10000, what = 'condition' } = {}) {
    try {
        await page.waitForFunction(fn, { timeout, polling: 50 }, arg);
    } catch (e) {
        throw new Error(`timed out waiting for ${what}: ${e.message}`);
    }
}

/**
 * console-NAME.png into the build tree (build/tests/console/screenshots), or into docs/screenshots
 * with OUTPOST_UPDATE_SCREENSHOTS=1 (scripts/screenshots.sh), like the app's screenshots.
 */
export async function screenshot(page, name) {
    const dir = process.env.OUTPOST_UPDATE_SCREENSHOTS ? path.join(sourceDir, 'docs/screenshots') : path.join(buildDir, 'tests/console/screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `console-${name}.png`) });
}

/**
 * Whether the server lacks a route (404 not_found for the route itself, not for an entity, or 405):
 * each scenario first checks that every route its screen uses is there, for a clear failure.
 */
export async function lacksRoute(server, method, path) {
    const res = await fetch(`${server.url}/api/v1/${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    if (res.status === 405) return true; // the path exists, this method not yet
    if (res.status !== 404) return false;
    const body = await res.json().catch(() => ({}));
    return body?.error?.message === 'No such resource.';
}

/** Whether the technician's CLI can keep its token: a session bus with a keyring (scripts/test.sh). */
export function haveKeyring() {
    return !!process.env.DBUS_SESSION_BUS_ADDRESS && existsSync(cliBin);
}

/** The technician's command line on a profile of its own: cli.signIn(user), cli.run(...args). */
export function technicianCli(server) {
    const profile = mkdtempSync(path.join(tmpdir(), 'outpost-console-cli-'));
    const runCli = (args, opts = {}) => run(cliBin, ['--profile', profile, ...args], { env: { QT_QPA_PLATFORM: 'offscreen' }, ...opts });
    return {
        profile,
        run: runCli,
        signIn: (user, password = user) => runCli(['signin', '--server', server.url, '--user', user, '--password-stdin'], { input: `${password}\n` }),
        cleanup: () => rmSync(profile, { recursive: true, force: true }),
    };
}

/** The API with a bearer token, as the app or a script uses it: api.call(method, path, body). */
export async function bearer(server, user, password = user, deviceId = `test-${user}-${Math.random().toString(16).slice(2)}`) {
    const s = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password, deviceId }) });
    if (!s.ok) throw new Error(`sign-in ${user}: ${s.status} ${await s.text()}`);
    const { token } = await s.json();
    return {
        deviceId,
        token,
        async call(method, path, body) {
            const r = await fetch(`${server.url}/api/v1/${path}`, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Outpost-Features': 'signature' }, body: body === undefined ? undefined : JSON.stringify(body) });
            const text = await r.text();
            let json = null;
            try {
                json = JSON.parse(text);
            } catch {
                json = text;
            }
            return { status: r.status, body: json };
        },
    };
}
