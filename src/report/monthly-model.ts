import type { MonthlyReport } from '../core/monthly-types'
import type { Locale } from '../i18n/messages'
import type { Table } from './table'
import { formatAsOf, formatMonth } from '../i18n/dates'
import { formatNumber } from '../i18n/format'
import { translate, translateOr } from '../i18n/messages'
import { kpiTable, rankingTable, trendTable } from './tables-kpi'
import { filesTable, unknownTable } from './tables-provenance'
import { categoriesTable, worstTables } from './tables-tickets'

/**
 * The monthly report as the reader sees it: every table with its raw values and the text
 * shown. The wall's report page and the CLI's HTML and XLSX are made from this one model, so
 * they agree cell for cell.
 */
export interface MonthlyModel {
  month: string
  title: string
  subtitle: string
  /** One line: loaded, rejected, duplicates over all files. */
  provenance: string
  kpi: Table
  ranking: Table
  trend: Table
  worst: Table[]
  categories: Table
  files: Table
  unknown: Table
}

function scopeText(r: MonthlyReport, l: Locale): string {
  const f = r.filters
  const parts = [
    f.vendors?.length ? f.vendors.join(', ') : translate(l, 'filter.allVendors'),
    ...(f.priorities?.length ? [f.priorities.join(', ')] : []),
    ...(f.channels?.length ? [f.channels.map(c => translateOr(l, `channel.${c}`, c)).join(', ')] : []),
    ...(f.categories?.length ? [f.categories.join(', ')] : []),
  ]
  return parts.join(' · ')
}

export function monthlyModel(r: MonthlyReport, l: Locale): MonthlyModel {
  const files = r.current.import.files
  const sum = (k: 'loaded' | 'rejected' | 'duplicates') => files.reduce((a, f) => a + f[k], 0)
  return {
    month: r.month,
    title: translate(l, 'report.title', { month: formatMonth(l, r.month, 'long') }),
    subtitle: translate(l, 'report.subtitle', { asOf: formatAsOf(l, r.as_of), prev: formatMonth(l, r.previous_month, 'long'), scope: scopeText(r, l) }),
    provenance: translate(l, 'report.provenanceLine', {
      files: formatNumber(l, files.length), loaded: formatNumber(l, sum('loaded')), rejected: formatNumber(l, sum('rejected')), duplicates: formatNumber(l, sum('duplicates')),
    }),
    kpi: kpiTable(r, l),
    ranking: rankingTable(r, l),
    trend: trendTable(r, l),
    worst: worstTables(r, l),
    categories: categoriesTable(r, l),
    files: filesTable(r.current.import, l),
    unknown: unknownTable(r.current.import, l),
  }
}
