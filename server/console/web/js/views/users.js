export function render(c) { c.textContent = 'users'; }
