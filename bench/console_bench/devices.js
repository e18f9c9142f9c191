// Registers N devices with outpostd as the app does: each signs in (POST /api/v1/session with its
// own device id, as alice or bob) and reports (PUT /api/v1/device); a sixth are stuck (pending work,
// last sync two days ago).   node devices.js URL N
const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
const now = Date.now();
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function one(i) {
    const user = i % 2 ? 'bob' : 'alice';
    const deviceId = `bench-${String(i).padStart(5, '0')}`;
    let s;
    for (;;) { // the sign-in pool is small on purpose (security.md): 503 busy means try again
        s = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password: user, deviceId }) });
        if (s.status !== 503) break;
        await s.text();
    }
    if (!s.ok) throw new Error(`sign-in ${deviceId}: ${s.status} ${await s.text()}`);
    const { token } = await s.json();
    const stuck = i % 6 === 0;
    const r = await fetch(`${url}/api/v1/device`, { method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ deviceName: `LAPTOP-${1000 + i}`, appVersion: '0.1.0', os: i % 3 ? 'Windows 11' : 'Debian GNU/Linux 12', pendingActions: stuck ? 12 : i % 3,
            oldestPendingAt: stuck ? iso(now - 50 * 3600e3) : null, lastSyncAt: iso(now - (stuck ? 48 : 1) * 3600e3), lastSyncError: stuck ? 'unreachable: connection timed out' : null, storeSchema: 5 }) });
    if (!r.ok) throw new Error(`report ${deviceId}: ${r.status} ${await r.text()}`);
}

const t0 = Date.now();
let next = 0;
await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < count) await one(next++);
}));
console.error(`console_bench: ${count} devices signed in and reported in ${Date.now() - t0} ms`);
