export function render(c) { c.textContent = 'devices'; }
