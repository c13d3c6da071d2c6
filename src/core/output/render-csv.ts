import type { KpiReport, ScoredGroup } from '../report-types'
import { DIMENSIONS, SCORED_KPIS } from '../config'
import { KPI_KEYS } from '../kpis'

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  const s = String(v)
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/**
 * One line per group: overall, each vendor, each month, each vendor × month.
 * Raw numbers (rates 0..1, minutes), empty for NULL. Text starting with = + - @ is quoted
 * so that a spreadsheet does not run it as a formula.
 */
export function renderCsv(r: KpiReport): string {
  const head = ['scope', 'vendor', 'month', 'rank', 'score', ...DIMENSIONS.map(d => `dim_${d}`), ...KPI_KEYS, ...SCORED_KPIS.map(k => `grade_${k}`), 'backlog_end']
  const lines: unknown[][] = []
  const scoredCells = (g: ScoredGroup) => [g.score, ...DIMENSIONS.map(d => g.dimensions[d])]
  lines.push(['overall', '', '', '', ...scoredCells(r.overall), ...KPI_KEYS.map(k => r.overall[k]), ...SCORED_KPIS.map(k => r.overall.grades[k]), r.overall.backlog_end])
  for (const v of r.vendors) lines.push(['vendor', v.vendor, '', v.rank, ...scoredCells(v), ...KPI_KEYS.map(k => v[k]), ...SCORED_KPIS.map(k => v.grades[k]), ''])
  const blank = ['', ...DIMENSIONS.map(() => '')]
  for (const m of r.months) lines.push(['month', '', m.month, '', ...blank, ...KPI_KEYS.map(k => m[k]), ...SCORED_KPIS.map(() => ''), m.backlog_end])
  for (const m of r.vendor_months) lines.push(['vendor_month', m.vendor, m.month, '', ...blank, ...KPI_KEYS.map(k => m[k]), ...SCORED_KPIS.map(() => ''), ''])
  return [head, ...lines].map(l => l.map(cell).join(',')).join('\r\n') + '\r\n'
}
