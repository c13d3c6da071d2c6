import type { Grade, KpiUnit } from '../core/kpis'
import type { Locale } from '../i18n/messages'
import type { ScoredGroup } from '../core/report-types'
import type { Better } from '../i18n/delta'
import { KPI_KEYS, KPI_UNITS } from '../core/kpis'
import { BETTER } from '../components/kpi/kpi-columns'
import { formatNumber, joinParts, kpiParts } from '../i18n/format'
import { translate, translateOr } from '../i18n/messages'

/** Keys of a group that are not KPIs. */
const NOT_KPIS = new Set(['score', 'backlog_end', 'rank', 'vendor', 'month', 'priority', 'channel'])

/**
 * The KPI keys a report carries: the contract's, in their order, then any other numeric key
 * a newer report adds (business-hours variants, ratings …), so they show without a change here.
 */
export function reportKpiKeys(g: ScoredGroup): string[] {
  const known = new Set<string>(KPI_KEYS)
  const rec = g as unknown as Record<string, unknown>
  const extra = Object.keys(rec).filter(k => !known.has(k) && !NOT_KPIS.has(k) && (typeof rec[k] === 'number' || rec[k] === null))
  return [...KPI_KEYS, ...extra]
}

export function unitOf(key: string): KpiUnit {
  const u = (KPI_UNITS as Record<string, KpiUnit | undefined>)[key]
  if (u) return u
  if (/_rate$|coverage$/.test(key)) return 'rate'
  if (/_min$/.test(key)) return 'minutes'
  if (/csat|rating/.test(key)) return 'score10'
  return 'count'
}

export function betterOf(key: string): Better {
  const b = (BETTER as Record<string, Better | undefined>)[key]
  if (b !== undefined) return b
  const u = unitOf(key)
  return u === 'minutes' || /recurrence|backlog/.test(key) ? 'lower' : u === 'count' ? null : 'higher'
}

export function valueOf(g: ScoredGroup, key: string): number | null {
  const v = (g as unknown as Record<string, unknown>)[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

export function gradeOf(g: ScoredGroup, key: string): Grade | null {
  return (g.grades as Record<string, Grade | null | undefined>)[key] ?? null
}

export function kpiLabel(l: Locale, key: string): string {
  return translateOr(l, `kpi.${key}`, key)
}

/** A KPI value as the wall shows it; keys the formatter does not know go by their unit. */
export function kpiText(l: Locale, key: string, v: number | null): string {
  const k = key in KPI_UNITS || key === 'score' || key === 'backlog_end' ? key : ({ rate: 'sla_response_rate', minutes: 'first_response_avg_min', score10: 'csat_avg', count: 'tickets' } as const)[unitOf(key)]
  return joinParts(kpiParts(l, k as keyof typeof KPI_UNITS, v))
}

/**
 * Month-over-month change for the monthly report: rates in percentage points, durations in
 * minutes, counts and 0–10 scores as plain differences. null when either side is unknown.
 */
export function kpiChange(key: string, cur: number | null, prev: number | null): number | null {
  if (cur === null || prev === null) return null
  return unitOf(key) === 'rate' ? (cur - prev) * 100 : cur - prev
}

export type Tone = 'good' | 'bad' | 'neutral'

export function changeTone(better: Better, change: number | null): Tone {
  if (change === null || better === null || Math.abs(change) < 0.05) return 'neutral'
  return (change > 0) === (better === 'higher') ? 'good' : 'bad'
}

/** '+1.2 pp', '−35.0 分钟', '+12', '—'. */
export function changeText(l: Locale, key: string, change: number | null): string {
  if (change === null) return '—'
  const u = unitOf(key)
  const digits = u === 'count' ? 0 : 1
  const rounded = Number(change.toFixed(digits))
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±'
  const mag = formatNumber(l, Math.abs(rounded), digits)
  const unit = u === 'rate' ? ` ${translate(l, 'report.pp')}` : u === 'minutes' ? ` ${translate(l, 'unit.min')}` : ''
  return `${sign}${mag}${unit}`
}
