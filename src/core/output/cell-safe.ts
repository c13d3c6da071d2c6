/**
 * Formula neutralisation for every file servicewall writes (CSV, XLSX). A spreadsheet runs a
 * text cell that starts with =, +, -, @, a tab or a CR as a formula (CSV injection), even when
 * the cell is quoted. Such text gets a leading apostrophe, as OWASP recommends. A cell that
 * reads as a plain number (-12.5, +3, 1e5) is a number, not a formula, and is left alone:
 * the decision is made by parsing the whole text as a number, never by its first character.
 */

const TRIGGER = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/** True when the text is one plain decimal number (sign, digits, point, exponent) and nothing else. */
export function isPlainNumber(s: string): boolean {
  return PLAIN_NUMBER.test(s) && Number.isFinite(Number(s))
}

/** The text a spreadsheet shows as typed: formula triggers neutralised, numbers untouched. */
export function safeText(s: string): string {
  return TRIGGER.test(s) && !isPlainNumber(s) ? `'${s}` : s
}

export type CellValue = string | number | boolean | null | undefined

/** One CSV field (RFC 4180): neutralised, then quoted when it holds a comma, quote, CR or LF. */
export function csvField(v: CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  const s = safeText(String(v))
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/**
 * A whole CSV file: UTF-8 with a BOM (Excel otherwise reads it as the system code page,
 * CP936 on Chinese Windows) and CRLF line ends.
 */
export function csvDocument(rows: readonly (readonly CellValue[])[]): string {
  return `\uFEFF${rows.map(r => r.map(csvField).join(',')).join('\r\n')}\r\n`
}
