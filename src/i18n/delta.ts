import type { ValueKey } from './format'
import type { Locale } from './messages'
import { KPI_UNITS } from '../core/kpis'
import { formatNumber } from './format'
import { translate } from './messages'

export type Better = 'higher' | 'lower' | null

export interface Delta {
  /** Magnitude only; the direction is `dir`. */
  text: string
  dir: 'up' | 'down' | 'flat'
  tone: 'good' | 'bad' | 'neutral'
}

/**
 * Month-over-month change. Rates move in percentage points, CSAT in points,
 * counts and durations relatively (%). NULL on either side: no delta.
 */
export function monthDelta(l: Locale, key: ValueKey, cur: number | null | undefined, prev: number | null | undefined, better: Better): Delta | null {
  if (cur === null || cur === undefined || prev === null || prev === undefined) return null
  const unit = key === 'score' ? 'score' : key === 'backlog_end' ? 'count' : KPI_UNITS[key]
  let diff: number
  let text: string
  if (unit === 'rate') {
    diff = (cur - prev) * 100
    text = `${formatNumber(l, Math.abs(diff), 1)} ${translate(l, 'delta.pp')}`
  }
  else if (unit === 'score10' || unit === 'score') {
    diff = cur - prev
    text = formatNumber(l, Math.abs(diff), 1)
  }
  else {
    if (prev === 0) return null
    diff = (cur - prev) / prev * 100
    text = `${formatNumber(l, Math.abs(diff), 1)}%`
  }
  if (Math.abs(diff) < 0.05) return { text: formatNumber(l, 0, 1) + (unit === 'rate' ? ` ${translate(l, 'delta.pp')}` : unit === 'score10' || unit === 'score' ? '' : '%'), dir: 'flat', tone: 'neutral' }
  const dir = diff > 0 ? 'up' : 'down'
  const tone = better === null ? 'neutral' : (dir === 'up') === (better === 'higher') ? 'good' : 'bad'
  return { text, dir, tone }
}
