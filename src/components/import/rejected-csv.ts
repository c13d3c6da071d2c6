import type { ImportReport } from '../../core/report-types'
import { csvDocument } from '../../core/output/cell-safe'

/** The rejected rows as CSV (BOM, CRLF, formula-safe: src/core/output/cell-safe.ts). */
export function rejectedCsv(rows: ImportReport['rejected'], header: readonly string[] = ['file', 'row', 'reason']): string {
  return csvDocument([header, ...rows.map(r => [r.file, r.row, r.reason])])
}

/** Saves text or bytes as a file from the page itself: no server, no other origin. */
export function downloadText(name: string, data: string | Uint8Array | Blob, type = 'text/csv;charset=utf-8'): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
