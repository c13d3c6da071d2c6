import type { ImportReport } from '../core/report-types'
import type { Locale } from '../i18n/messages'
import type { Table } from './table'
import { formatNumber } from '../i18n/format'
import { translate, translateOr } from '../i18n/messages'
import { kpiLabel } from './kpi-units'
import { numberCell, textCell } from './table'

/** Files behind the report: rows seen, loaded, rejected, duplicates, and any error. */
export function filesTable(imp: ImportReport, l: Locale): Table {
  const n = (v: number) => numberCell(v, formatNumber(l, v))
  return {
    id: 'files',
    title: translate(l, 'report.files'),
    columns: [
      { key: 'file', label: translate(l, 'import.file') }, { key: 'vendor', label: translate(l, 'import.vendor') },
      { key: 'format', label: translate(l, 'report.format') },
      { key: 'rows', label: translate(l, 'import.rowsCol'), numeric: true }, { key: 'loaded', label: translate(l, 'import.loaded'), numeric: true },
      { key: 'rejected', label: translate(l, 'import.rejected'), numeric: true }, { key: 'duplicates', label: translate(l, 'import.duplicates'), numeric: true },
      { key: 'note', label: translate(l, 'report.note') },
    ],
    rows: imp.files.map((f, i) => ({
      key: `${i}`,
      cells: [textCell(f.file), textCell(f.vendor ?? null), textCell(f.format), n(f.rows), n(f.loaded), n(f.rejected), n(f.duplicates),
        textCell(f.error ?? ((f.warnings ?? []).join('; ') || null))],
    })),
    empty: translate(l, 'app.noData'),
  }
}

/**
 * What the files do not tell: columns nobody used (from the column report) and fields a file
 * lacks, with the KPIs that therefore get nothing from it. Empty when the import report has
 * no column report.
 */
export function unknownTable(imp: ImportReport, l: Locale): Table {
  const rows = imp.files.flatMap((f, i) => [
    ...(f.missing ?? []).map((m, j) => ({
      key: `${i}-m${j}`,
      cells: [textCell(f.file), textCell(translate(l, 'report.missingField')), textCell(translateOr(l, `mapping.${m.field}`, m.field)),
        textCell([m.reason, m.kpis.length ? `→ ${m.kpis.map(k => kpiLabel(l, k)).join(', ')}` : ''].filter(Boolean).join(' '))],
    })),
    ...(f.columns ?? []).filter(c => c.field === null).map(c => ({
      key: `${i}-c${c.index}`,
      cells: [textCell(f.file), textCell(translate(l, 'report.unusedColumn')), textCell(`${c.index}: ${c.header}`),
        textCell([c.note, c.samples.length ? `${translate(l, 'report.samples')}: ${c.samples.slice(0, 3).join(' | ')}` : ''].filter(Boolean).join(' · ') || null)],
    })),
  ])
  return {
    id: 'unknown',
    title: translate(l, 'report.unknown'),
    columns: [{ key: 'file', label: translate(l, 'import.file') }, { key: 'what', label: translate(l, 'report.what') }, { key: 'name', label: translate(l, 'report.name') }, { key: 'detail', label: translate(l, 'report.detail') }],
    rows,
    empty: translate(l, imp.files.some(f => f.columns) ? 'report.nothingUnknown' : 'report.noColumnReport'),
  }
}
