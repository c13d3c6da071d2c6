import type { MonthlyReport } from '../core/monthly-types'
import type { ScoredGroup, VendorRow } from '../core/report-types'
import type { Locale } from '../i18n/messages'
import type { Cell, Table } from './table'
import { DIMENSIONS } from '../core/config'
import { formatNumber } from '../i18n/format'
import { translate } from '../i18n/messages'
import { betterOf, changeText, changeTone, gradeOf, kpiChange, kpiLabel, kpiText, reportKpiKeys, valueOf } from './kpi-units'
import { numberCell, textCell } from './table'

const OVERALL = '__overall__'

function groups(r: MonthlyReport, l: Locale): { key: string, label: string, cur: ScoredGroup, prev: ScoredGroup | null }[] {
  const prevOf = (v: string) => r.previous.vendors.find(x => x.vendor === v) ?? null
  return [
    { key: OVERALL, label: translate(l, 'report.all'), cur: r.current.overall, prev: r.previous.overall.tickets ? r.previous.overall : null },
    ...r.current.vendors.map(v => ({ key: v.vendor, label: v.vendor, cur: v as ScoredGroup, prev: prevOf(v.vendor) })),
  ]
}

function kpiCell(l: Locale, key: string, cur: ScoredGroup, prev: ScoredGroup | null): Cell {
  const v = valueOf(cur, key)
  const change = kpiChange(key, v, prev ? valueOf(prev, key) : null)
  return { ...numberCell(v, kpiText(l, key, v)), grade: gradeOf(cur, key), change, changeText: changeText(l, key, change), tone: changeTone(betterOf(key), change) }
}

/** KPI rows × (all, then each vendor in rank order): value, grade, change since last month. */
export function kpiTable(r: MonthlyReport, l: Locale): Table {
  const gs = groups(r, l)
  const keys = ['score', ...reportKpiKeys(r.current.overall)]
  return {
    id: 'kpi',
    title: translate(l, 'report.kpiTable'),
    columns: [{ key: 'kpi', label: 'KPI' }, ...gs.map(g => ({ key: g.key, label: g.label, numeric: true }))],
    rows: keys.map(k => ({ key: k, cells: [textCell(kpiLabel(l, k)), ...gs.map(g => kpiCell(l, k, g.cur, g.prev))] })),
    empty: translate(l, 'app.noData'),
  }
}

function rankChange(l: Locale, cur: VendorRow, prev: VendorRow | undefined): Cell {
  if (!prev) return { ...numberCell(null, translate(l, 'report.new')), change: null, tone: 'neutral' }
  const up = prev.rank - cur.rank
  const text = up > 0 ? `▲ ${up}` : up < 0 ? `▼ ${-up}` : '='
  return { ...numberCell(up, text), change: up, tone: up > 0 ? 'good' : up < 0 ? 'bad' : 'neutral' }
}

/** The ranking: rank, change of rank, score and its change, the dimensions, tickets. */
export function rankingTable(r: MonthlyReport, l: Locale): Table {
  const score = (v: number | null) => (v === null ? '—' : formatNumber(l, v, 1))
  return {
    id: 'ranking',
    title: translate(l, 'report.ranking'),
    columns: [
      { key: 'rank', label: translate(l, 'score.rank'), numeric: true }, { key: 'rank_change', label: translate(l, 'report.rankChange'), numeric: true },
      { key: 'vendor', label: translate(l, 'overview.vendor') }, { key: 'score', label: kpiLabel(l, 'score'), numeric: true },
      { key: 'score_change', label: translate(l, 'report.change'), numeric: true },
      ...DIMENSIONS.map(d => ({ key: `dim_${d}`, label: translate(l, `dim.${d}`), numeric: true })),
      { key: 'tickets', label: kpiLabel(l, 'tickets'), numeric: true },
    ],
    rows: r.current.vendors.map((v) => {
      const prev = r.previous.vendors.find(x => x.vendor === v.vendor)
      const change = kpiChange('score', v.score, prev?.score ?? null)
      return {
        key: v.vendor,
        cells: [
          numberCell(v.rank, String(v.rank)), rankChange(l, v, prev), textCell(v.vendor),
          numberCell(v.score, score(v.score)),
          { ...numberCell(change, changeText(l, 'score', change)), change, tone: changeTone('higher', change) },
          ...DIMENSIONS.map(d => numberCell(v.dimensions[d], score(v.dimensions[d]))),
          numberCell(v.tickets, kpiText(l, 'tickets', v.tickets)),
        ],
      }
    }),
    empty: translate(l, 'app.noData'),
  }
}

/** Each vendor's score over the trend months (a cell per month, '—' without tickets). */
export function trendTable(r: MonthlyReport, l: Locale): Table {
  const vendors = [...new Set([...r.current.vendors.map(v => v.vendor), ...r.trend.map(p => p.vendor)])]
  return {
    id: 'trend',
    title: translate(l, 'report.trend'),
    columns: [{ key: 'vendor', label: translate(l, 'overview.vendor') }, ...r.trend_months.map(m => ({ key: m, label: m.slice(2), numeric: true }))],
    rows: vendors.map(v => ({
      key: v,
      cells: [textCell(v), ...r.trend_months.map((m) => {
        const p = r.trend.find(x => x.vendor === v && x.month === m)
        return numberCell(p?.score ?? null, p?.score === null || p?.score === undefined ? '—' : formatNumber(l, p.score, 1))
      })],
    })),
    empty: translate(l, 'app.noData'),
  }
}
