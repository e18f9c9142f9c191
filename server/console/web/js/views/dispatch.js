export function render(c) { c.textContent = 'dispatch'; }
