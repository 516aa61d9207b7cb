/**
 * One CSV cell, by OWASP's CSV injection rule: a spreadsheet program runs a cell that starts with
 * = + - @ tab or carriage return as a formula, so such a cell gets a leading apostrophe, with no
 * exception for phone numbers ("+1+cmd|..." starts with a digit too). Every cell is quoted, with
 * quotes doubled, so a separator or line break in a name stays inside its cell.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
