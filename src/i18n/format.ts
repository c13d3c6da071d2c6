import type { KpiKey } from '../core/kpis'
import type { Locale } from './messages'
import { KPI_UNITS } from '../core/kpis'
import { intlLocale, translate } from './messages'

/** A number split from its unit, so the unit can be set smaller than the figure. */
export interface Parts {
  value: string
  unit: string
}

export const NO_DATA = '—'
const NONE: Parts = { value: NO_DATA, unit: '' }

const cache = new Map<string, Intl.NumberFormat>()
function nf(l: Locale, min: number, max: number): Intl.NumberFormat {
  const k = `${l}|${min}|${max}`
  let f = cache.get(k)
  if (!f) cache.set(k, (f = new Intl.NumberFormat(intlLocale(l), { minimumFractionDigits: min, maximumFractionDigits: max })))
  return f
}

export function formatNumber(l: Locale, v: number | null | undefined, digits = 0): string {
  return v === null || v === undefined || !Number.isFinite(v) ? NO_DATA : nf(l, digits, digits).format(v)
}

/** Minutes read as people say them: 25 分钟, 2.3 小时, 1.5 天. */
export function durationParts(l: Locale, min: number | null | undefined): Parts {
  if (min === null || min === undefined || !Number.isFinite(min)) return NONE
  const m = Math.max(0, min)
  if (Number(m.toFixed(m < 10 ? 1 : 0)) < 60) return { value: nf(l, 0, m < 10 ? 1 : 0).format(m), unit: translate(l, 'unit.min') }
  if (Number((m / 60).toFixed(1)) < 24) return { value: nf(l, 1, 1).format(m / 60), unit: translate(l, 'unit.hour') }
  return { value: nf(l, 1, 1).format(m / 1440), unit: translate(l, 'unit.day') }
}

export function joinParts(p: Parts): string {
  if (!p.unit) return p.value
  return p.unit === '%' ? `${p.value}%` : `${p.value} ${p.unit}`
}

export function formatDuration(l: Locale, min: number | null | undefined): string {
  return joinParts(durationParts(l, min))
}

export function rateParts(l: Locale, v: number | null | undefined, digits = 1): Parts {
  return v === null || v === undefined || !Number.isFinite(v) ? NONE : { value: nf(l, digits, digits).format(v * 100), unit: '%' }
}

export function formatRate(l: Locale, v: number | null | undefined, digits = 1): string {
  return joinParts(rateParts(l, v, digits))
}

export type ValueKey = KpiKey | 'score' | 'backlog_end'

/** Any KPI of the contract, plus the score and the month-end backlog. NULL reads "—", never 0. */
export function kpiParts(l: Locale, key: ValueKey, v: number | null | undefined): Parts {
  if (v === null || v === undefined || !Number.isFinite(v)) return NONE
  if (key === 'score') return { value: nf(l, 1, 1).format(v), unit: '' }
  if (key === 'backlog_end') return { value: nf(l, 0, 0).format(v), unit: '' }
  switch (KPI_UNITS[key]) {
    case 'minutes': return durationParts(l, v)
    case 'rate': return rateParts(l, v)
    case 'score10': return { value: nf(l, 1, 1).format(v), unit: '' }
    default: return { value: nf(l, 0, 0).format(v), unit: '' }
  }
}

export function formatKpi(l: Locale, key: ValueKey, v: number | null | undefined): string {
  return joinParts(kpiParts(l, key, v))
}

export function formatBytes(l: Locale, n: number): string {
  if (n < 1024) return `${nf(l, 0, 0).format(n)} B`
  if (n < 1024 * 1024) return `${nf(l, 0, 0).format(n / 1024)} KB`
  return `${nf(l, 1, 1).format(n / 1024 / 1024)} MB`
}

export function formatCount(l: Locale, v: number | null | undefined): string {
  return formatNumber(l, v, 0)
}

/** Axis ticks: as few digits as the value needs (2 小时, 1.5 天). */
export function formatDurationTick(l: Locale, min: number): string {
  if (min < 60) return `${nf(l, 0, 1).format(min)} ${translate(l, 'unit.min')}`
  if (min < 1440) return `${nf(l, 0, 1).format(min / 60)} ${translate(l, 'unit.hour')}`
  return `${nf(l, 0, 1).format(min / 1440)} ${translate(l, 'unit.day')}`
}

/** The unit as it follows its figure in text: "%" sticks, words take a space. */
export function unitText(p: Parts): string {
  return !p.unit || p.unit === '%' ? p.unit : ` ${p.unit}`
}
