/** CSV text as spreadsheet programs write it: quotes only where needed, doubled quotes inside. */

export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value
}

export function csvText(rows: readonly (readonly string[])[], eol: '\r\n' | '\n'): string {
  return rows.map((r) => r.map(csvCell).join(',')).join(eol) + eol
}

export const BOM = '\uFEFF'
