import type { ImportReport } from '../../core/report-types'

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with quotes
 * doubled. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * gets a leading apostrophe: a file name is user data.
 */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v)
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',')
}

/** The rejected rows as CSV, with a BOM so spreadsheet apps read the Chinese text as UTF-8. */
export function rejectedCsv(rows: ImportReport['rejected'], header: readonly string[] = ['file', 'row', 'reason']): string {
  return `\uFEFF${[csvLine(header), ...rows.map(r => csvLine([r.file, r.row, r.reason]))].join('\r\n')}\r\n`
}

/** Saves text as a file from the page itself: no server, no other origin. */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
