import type { MonthlyReport } from '../core/monthly-types'
import type { Locale } from '../i18n/messages'
import type { MonthlyModel } from './monthly-model'
import type { Table } from './table'
import { scoreTrendOption } from '../charts/score-trend'
import { optionToSvg } from '../charts/ssr-svg'
import { monthlyModel } from './monthly-model'
import { renderMonthlyHtml } from './render-html'
import { tablesToXlsx } from './xlsx-export'

/** The trend chart's drawing size: the width of an A4 landscape page's text block at 96 dpi. */
export const TREND_SVG = { width: 1030, height: 260 } as const

export function trendSvg(r: MonthlyReport, l: Locale): string {
  return optionToSvg(scoreTrendOption(r, l), TREND_SVG.width, TREND_SVG.height)
}

/** The tables a workbook export holds, in the report's order. */
export function workbookTables(m: MonthlyModel): Table[] {
  return [m.kpi, m.ranking, m.trend, ...m.worst, m.categories, m.files]
}

export function monthlyHtml(r: MonthlyReport, l: Locale, css: string, notes = ''): string {
  return renderMonthlyHtml(monthlyModel(r, l), l, css, trendSvg(r, l), notes)
}

export function monthlyXlsx(r: MonthlyReport, l: Locale): Promise<Blob> {
  return tablesToXlsx(workbookTables(monthlyModel(r, l)), l)
}
