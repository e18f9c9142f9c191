export function render(c) { c.textContent = 'datapages'; }
