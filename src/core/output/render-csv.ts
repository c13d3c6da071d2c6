import type { KpiReport, ScoredGroup } from '../report-types'
import type { CellValue } from './cell-safe'
import { DIMENSIONS, SCORED_KPIS } from '../config'
import { KPI_KEYS } from '../kpis'
import { csvDocument } from './cell-safe'

/**
 * One line per group: overall, each vendor, each month, each vendor × month.
 * Raw numbers (rates 0..1, minutes), empty for NULL. UTF-8 with BOM, CRLF, and text that a
 * spreadsheet would run as a formula neutralised (cell-safe.ts): a vendor name is user data.
 */
export function renderCsv(r: KpiReport): string {
  const head = ['scope', 'vendor', 'month', 'rank', 'score', ...DIMENSIONS.map(d => `dim_${d}`), ...KPI_KEYS, ...SCORED_KPIS.map(k => `grade_${k}`), 'backlog_end']
  const lines: CellValue[][] = []
  const scoredCells = (g: ScoredGroup) => [g.score, ...DIMENSIONS.map(d => g.dimensions[d])]
  lines.push(['overall', '', '', '', ...scoredCells(r.overall), ...KPI_KEYS.map(k => r.overall[k]), ...SCORED_KPIS.map(k => r.overall.grades[k]), r.overall.backlog_end])
  for (const v of r.vendors) lines.push(['vendor', v.vendor, '', v.rank, ...scoredCells(v), ...KPI_KEYS.map(k => v[k]), ...SCORED_KPIS.map(k => v.grades[k]), ''])
  const blank = ['', ...DIMENSIONS.map(() => '')]
  for (const m of r.months) lines.push(['month', '', m.month, '', ...blank, ...KPI_KEYS.map(k => m[k]), ...SCORED_KPIS.map(() => ''), m.backlog_end])
  for (const m of r.vendor_months) lines.push(['vendor_month', m.vendor, m.month, '', ...blank, ...KPI_KEYS.map(k => m[k]), ...SCORED_KPIS.map(() => ''), ''])
  return csvDocument([head, ...lines])
}
