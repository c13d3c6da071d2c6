import type { Cell as XlsxCell, Sheet } from 'write-excel-file/universal'
import type { Locale } from '../i18n/messages'
import type { Table } from './table'
import writeXlsxFile from 'write-excel-file/universal'
import { csvDocument, safeText } from '../core/output/cell-safe'
import { csvValue, exportRows } from './export-rows'

const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss'

/** Excel's sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet'
  let name = base
  for (let i = 2; used.has(name); i++) name = `${base} ${i}`
  used.add(name)
  return name
}

function xlsxCell(v: ReturnType<typeof exportRows>[number][number], header: boolean): XlsxCell {
  if (v === null) return null
  if (v instanceof Date) return { value: v, type: Date, format: DATE_FORMAT }
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, type: Number } : null
  return { value: safeText(v), type: String, ...(header ? { fontWeight: 'bold' as const } : {}) }
}

/**
 * The tables as one workbook, a sheet each (write-excel-file). Numbers are numbers, times are
 * date cells holding the wall-clock time (the serial of the UTC fields: never shifted by a
 * time zone), text is neutralised against formulas like every export (cell-safe.ts).
 */
export async function tablesToXlsx(tables: Table[], l: Locale): Promise<Blob> {
  const used = new Set<string>()
  const sheets: Sheet<never>[] = tables.map(t => ({
    sheet: sheetName(t.title, used),
    data: exportRows(t, l).map((row, i) => row.map(v => xlsxCell(v, i === 0))),
    stickyRowsCount: 1,
  }))
  return writeXlsxFile(sheets as never, { fontFamily: 'Microsoft YaHei' }).toBlob()
}

/** One table as CSV: UTF-8 with BOM, CRLF, neutralised. */
export function tableToCsv(t: Table, l: Locale): string {
  return csvDocument(exportRows(t, l).map(r => r.map(csvValue)))
}
