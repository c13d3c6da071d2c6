/**
 * The engine import's per-value decisions: each DISTINCT text of a column is classified once
 * with today's rules (normalize.ts, parse-datetime.ts), and the result goes to DuckDB as a small
 * table that the per-row SQL joins. So the rules exist once, in TypeScript.
 */
import type { DurationUnit } from './normalize'
import type { DateParseOptions } from './parse-datetime'
import { isFaultText, normalizeChannel, normalizePriority, parseDuration, parseReopenCount, parseYesNo, satisfactionLabel, satisfactionNumber } from './normalize'
import { parseDateTime } from './parse-datetime'

export type LookupColumn = { type: 'utf8', values: (string | null)[] } | { type: 'f64', values: (number | null)[] } | { type: 'bool', values: (boolean | null)[] }
export type LookupTable = Record<string, LookupColumn>

const DECIMAL_COMMA_AT = /,(?=\d+$)/
const text = (values: (string | null)[]): LookupColumn => ({ type: 'utf8', values })
const f64 = (values: (number | null)[]): LookupColumn => ({ type: 'f64', values })
const nan = (n: number): number | null => (Number.isNaN(n) ? null : n)

/** Timestamps outside the fixed layout: text -> ms (null: not a date). */
export function dateLookup(texts: string[], opts: DateParseOptions): LookupTable {
  return { t: text(texts), ms: f64(texts.map(t => parseDateTime(t, opts))) }
}

/** ticket-mapper.ts numberCell: the decimal comma read as a point in the columns that write one. */
export function numberText(t: string, decimalComma: boolean): string {
  return decimalComma ? t.replace(DECIMAL_COMMA_AT, '.') : t
}

/** A duration column: text -> minutes (null: not a duration) and the text as a rejection names it. */
export function durationLookup(texts: string[], unit: DurationUnit, decimalComma: boolean): LookupTable {
  const shown = texts.map(t => numberText(t, decimalComma))
  return { t: text(texts), minutes: f64(shown.map(s => (s === '' ? null : nan(parseDuration(s, unit))))), shown: text(shown) }
}

export function priorityLookup(texts: string[]): LookupTable {
  return { t: text(texts), v: text(texts.map(normalizePriority)) }
}

export function channelLookup(texts: string[]): LookupTable {
  return { t: text(texts), v: text(texts.map(normalizeChannel)) }
}

/** reopen_count: text -> count (null: not understood, a warning). */
export function reopenLookup(texts: string[]): LookupTable {
  return { t: text(texts), v: f64(texts.map(t => nan(parseReopenCount(t)))) }
}

/**
 * Satisfaction: kind 'num' (n, scaled per column later; shown as String(n)), 'label'
 * (its 0..10 value or null), 'warn' (not understood), 'empty'.
 */
export function satisfactionLookup(texts: string[], decimalComma: boolean): LookupTable {
  const kind: string[] = []
  const n: (number | null)[] = []
  const label: (number | null)[] = []
  const shown: string[] = []
  for (const t of texts) {
    const s = numberText(t, decimalComma)
    const num = s === '' ? NaN : satisfactionNumber(s)
    const l = s === '' || !Number.isNaN(num) ? undefined : satisfactionLabel(s)
    kind.push(s === '' ? 'empty' : !Number.isNaN(num) ? 'num' : l === undefined ? 'warn' : 'label')
    n.push(nan(num))
    label.push(l ?? null)
    shown.push(Number.isNaN(num) ? s : String(num))
  }
  return { t: text(texts), kind: text(kind), n: f64(n), label: f64(label), shown: text(shown) }
}

/** is_fault from the (is_fault, category, type) texts of a row: the flag's yes/no wins, else the fault words. */
export function faultLookup(triples: [string, string, string][]): LookupTable {
  const isFault = triples.map(([flag, category, type]) => {
    const yes = flag === '' ? null : parseYesNo(flag)
    return yes ?? (isFaultText(flag) || isFaultText(category) || isFaultText(type))
  })
  return {
    flag: text(triples.map(t => t[0])), category: text(triples.map(t => t[1])), type: text(triples.map(t => t[2])),
    v: { type: 'bool', values: isFault },
  }
}
