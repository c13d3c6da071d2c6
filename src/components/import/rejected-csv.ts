import type { ImportReport } from '../../core/report-types'
import { csvDocument } from '../../core/output/cell-safe'

/** The rejected rows as CSV (BOM, CRLF, formula-safe: src/core/output/cell-safe.ts). */
export function rejectedCsv(rows: ImportReport['rejected'], header: readonly string[] = ['file', 'row', 'reason']): string {
  return csvDocument([header, ...rows.map(r => [r.file, r.row, r.reason])])
}

export { downloadText } from '../layout/download'
