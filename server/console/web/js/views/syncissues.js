export function render(c) { c.textContent = 'syncissues'; }
