// Live updates: the notify WebSocket (authenticated by the session cookie) brings
// {"type":"console","topic":"cases"|"devices"|…} hints; views listen for their topics.
const bus = new EventTarget();
let socket = null;
let wanted = false;
let retry = 0;
let timer = null;
let connected = false;

function setConnected(on) {
    connected = on;
    bus.dispatchEvent(new CustomEvent('status', { detail: on }));
}

function open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/v1/notify`);
    socket = ws;
    ws.addEventListener('open', () => {
        retry = 0;
        setConnected(true);
    });
    ws.addEventListener('message', (ev) => {
        let msg;
        try {
            msg = JSON.parse(ev.data);
        } catch {
            return;
        }
        if (msg && msg.type === 'console' && typeof msg.topic === 'string')
            bus.dispatchEvent(new CustomEvent('topic', { detail: msg.topic }));
    });
    ws.addEventListener('close', () => {
        if (socket !== ws) return;
        socket = null;
        setConnected(false);
        if (!wanted) return;
        // Backoff with jitter, 1 s doubling up to 30 s.
        const delay = Math.min(30000, 1000 * 2 ** retry) * (0.5 + Math.random() / 2);
        retry += 1;
        timer = setTimeout(() => wanted && open(), delay);
    });
    ws.addEventListener('error', () => {});
}

export function startLive() {
    wanted = true;
    if (!socket) open();
}

export function stopLive() {
    wanted = false;
    clearTimeout(timer);
    if (socket) {
        const ws = socket;
        socket = null;
        ws.close();
    }
    setConnected(false);
}

export function isLive() {
    return connected;
}

/** fn(topic) for every console hint; returns the unsubscribe function. */
export function onTopic(fn) {
    const listener = (ev) => fn(ev.detail);
    bus.addEventListener('topic', listener);
    return () => bus.removeEventListener('topic', listener);
}

export function onLiveStatus(fn) {
    const listener = (ev) => fn(ev.detail);
    bus.addEventListener('status', listener);
    return () => bus.removeEventListener('status', listener);
}
