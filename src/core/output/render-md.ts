import type { KpiReport } from '../report-types'
import type { GradedKpi } from '../config'
import type { KpiKey } from '../kpis'
import { DIMENSIONS, GRADED_KPIS } from '../config'
import { KPI_KEYS } from '../kpis'
import { BH_KPIS, DIMENSION_LABELS, formatKpi, GRADE_LABELS, KPI_LABELS } from './format-value'
import { columnsSection } from './render-columns-md'

const MAX_REJECTED_LISTED = 50

function table(head: string[], rows: string[][]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ')
  return [head, head.map(() => '---'), ...rows].map(r => `| ${r.map(esc).join(' | ')} |`).join('\n')
}

const score = (v: number | null) => (v === null ? '—' : v.toFixed(2))
const isScored = (k: KpiKey): k is GradedKpi => (GRADED_KPIS as readonly string[]).includes(k)

function kpiTable(r: KpiReport): string {
  const groups = [{ name: 'All 全部', g: r.overall }, ...r.vendors.map(v => ({ name: v.vendor, g: v }))]
  const keys = r.business_hours_vendors.length ? KPI_KEYS : KPI_KEYS.filter(k => !(BH_KPIS as readonly string[]).includes(k))
  const rows = keys.map((k) => {
    const cells = groups.map(({ g }) => {
      const grade = isScored(k) ? g.grades[k] : null
      return grade ? `${formatKpi(k, g[k])} (${grade})` : formatKpi(k, g[k])
    })
    return [KPI_LABELS[k], ...cells]
  })
  return table(['KPI', ...groups.map(x => x.name)], rows)
}

function ranking(r: KpiReport): string {
  // The external column only where some vendor has a rating.
  const dims = DIMENSIONS.filter(d => d !== 'external' || r.vendors.some(v => v.dimensions.external !== null))
  return table(
    ['Rank 排名', 'Vendor 厂商', 'Score 得分', ...dims.map(d => DIMENSION_LABELS[d]), 'Tickets 工单数'],
    r.vendors.map(v => [String(v.rank), v.vendor, score(v.score), ...dims.map(d => score(v.dimensions[d])), String(v.tickets)]),
  )
}

function months(r: KpiReport): string {
  const keys: KpiKey[] = ['tickets', 'first_response_avg_min', 'sla_response_rate', 'fcr_rate', 'csat_avg', 'recovery_avg_min']
  return table(['Month 月份', ...keys.map(k => KPI_LABELS[k]), 'Backlog at month end 月末积压'],
    r.months.map(m => [m.month, ...keys.map(k => formatKpi(k, m[k])), m.backlog_end === null ? '—' : String(m.backlog_end)]))
}

function imports(r: KpiReport): string {
  const files = table(['File 文件', 'Format', 'Encoding', 'Rows', 'Loaded', 'Rejected', 'Duplicates', 'Error'],
    r.import.files.map(f => [f.file, f.format, f.encoding, String(f.rows), String(f.loaded), String(f.rejected), String(f.duplicates), f.error ?? '']))
  const warnings = r.import.files.flatMap(f => (f.warnings ?? []).map(w => `- ${f.file}: ${w}`))
  const noted = warnings.length ? `${files}\n\nValues not understood 未识别的值:\n\n${warnings.join('\n')}` : files
  const rej = r.import.rejected
  if (rej.length === 0) return noted
  const listed = table(['File', 'Row', 'Reason'], rej.slice(0, MAX_REJECTED_LISTED).map(x => [x.file, String(x.row), x.reason]))
  const more = rej.length > MAX_REJECTED_LISTED ? `\n\n…and ${rej.length - MAX_REJECTED_LISTED} more rejected rows (use --format json for all).` : ''
  return `${noted}\n\nRejected rows 被拒绝的行 (${rej.length}):\n\n${listed}${more}`
}

/** The readable report: KPI tables with grades, the ranking, the months and the import summary. */
export function renderMarkdown(r: KpiReport): string {
  const f = r.filters
  const scope = [f.from || f.to ? `months ${f.from ?? '…'} to ${f.to ?? '…'}` : 'all months', f.vendors?.length ? `vendors ${f.vendors.join(', ')}` : 'all vendors'].join(', ')
  const grades = Object.values(GRADE_LABELS).join(' · ')
  return [
    '# servicewall report 售后服务 KPI 报告',
    `Data as of 数据截至 ${r.as_of ?? '—'} · ${scope} · overall score ${score(r.overall.score)}`,
    '## Vendor ranking 厂商排名', ranking(r),
    `## KPIs by vendor 各厂商 KPI\n\nGrades: ${grades}`, kpiTable(r),
    '## By month 按月', months(r),
    '## Import 导入', imports(r),
    '## Columns 列', columnsSection(r),
  ].join('\n\n') + '\n'
}
