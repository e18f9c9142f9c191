export function render(c) { c.textContent = 'casetypes'; }
