/**
 * The engine import's per-value decisions: each DISTINCT raw text of a column is cleaned as
 * cellAt does and classified once with today's rules (normalize.ts, parse-datetime.ts); the result
 * goes to DuckDB as a small table, keyed on the raw text `k`, that the per-row SQL joins. So the
 * rules exist once, in TypeScript, and no cell of these columns is cleaned per row.
 */
import type { DurationUnit } from './normalize'
import type { DateParseOptions } from './parse-datetime'
import { isFaultText, normalizeChannel, normalizePriority, parseDuration, parseReopenCount, parseYesNo, satisfactionLabel, satisfactionNumber } from './normalize'
import { parseDateTime } from './parse-datetime'
import { cellAt } from './ticket-mapper'

export type LookupColumn = { type: 'utf8', values: (string | null)[] } | { type: 'f64', values: (number | null)[] } | { type: 'bool', values: (boolean | null)[] }
export type LookupTable = Record<string, LookupColumn>

const DECIMAL_COMMA_AT = /,(?=\d+$)/
const text = (values: (string | null)[]): LookupColumn => ({ type: 'utf8', values })
const f64 = (values: (number | null)[]): LookupColumn => ({ type: 'f64', values })
const bool = (values: boolean[]): LookupColumn => ({ type: 'bool', values })
const nan = (n: number): number | null => (Number.isNaN(n) ? null : n)

/** A raw cell as the mapper reads it: trimmed, '' for a NULL placeholder. */
export const clean = (raw: string): string => cellAt([raw], 0)

/** The cleaned text t of each raw text, and the columns `of` derives from t. */
function keyed(raws: string[], of: (cleaned: string[]) => LookupTable): LookupTable {
  const cleaned = raws.map(clean)
  return { t: text(cleaned), ...of(cleaned) }
}

/** Timestamps outside the fast layout: raw text -> has (a value at all), ms (null: not a date). */
export function dateLookup(raws: string[], opts: DateParseOptions): LookupTable {
  return keyed(raws, ts => ({ has: bool(ts.map(t => t !== '')), ms: f64(ts.map(t => (t === '' ? null : parseDateTime(t, opts)))) }))
}

/** ticket-mapper.ts numberCell: the decimal comma read as a point in the columns that write one. */
export function numberText(t: string, decimalComma: boolean): string {
  return decimalComma ? t.replace(DECIMAL_COMMA_AT, '.') : t
}

/** A duration column: raw text -> has, minutes (null: not a duration), the text as a rejection names it. */
export function durationLookup(raws: string[], unit: DurationUnit, decimalComma: boolean): LookupTable {
  return keyed(raws, (ts) => {
    const shown = ts.map(t => numberText(t, decimalComma))
    return { has: bool(ts.map(t => t !== '')), minutes: f64(shown.map(s => (s === '' ? null : nan(parseDuration(s, unit))))), shown: text(shown) }
  })
}

/** A text column (vendor, category, customer): raw text -> the cleaned text. */
export function textLookup(raws: string[]): LookupTable {
  return keyed(raws, () => ({}))
}

export function priorityLookup(raws: string[]): LookupTable {
  return keyed(raws, ts => ({ v: text(ts.map(normalizePriority)) }))
}

export function channelLookup(raws: string[]): LookupTable {
  return keyed(raws, ts => ({ v: text(ts.map(normalizeChannel)) }))
}

/** reopen_count: raw text -> count (null: not understood, a warning). */
export function reopenLookup(raws: string[]): LookupTable {
  return keyed(raws, ts => ({ v: f64(ts.map(t => nan(parseReopenCount(t)))) }))
}

/**
 * Satisfaction: kind 'num' (n, scaled per column later; shown as String(n)), 'label'
 * (its 0..10 value or null), 'warn' (not understood), 'empty'.
 */
export function satisfactionLookup(raws: string[], decimalComma: boolean): LookupTable {
  return keyed(raws, (ts) => {
    const kind: string[] = []
    const n: (number | null)[] = []
    const label: (number | null)[] = []
    const shown: string[] = []
    for (const t of ts) {
      const s = numberText(t, decimalComma)
      const num = s === '' ? NaN : satisfactionNumber(s)
      const l = s === '' || !Number.isNaN(num) ? undefined : satisfactionLabel(s)
      kind.push(s === '' ? 'empty' : !Number.isNaN(num) ? 'num' : l === undefined ? 'warn' : 'label')
      n.push(nan(num))
      label.push(l ?? null)
      shown.push(Number.isNaN(num) ? s : String(num))
    }
    return { kind: text(kind), n: f64(n), label: f64(label), shown: text(shown) }
  })
}

/** is_fault from the raw (is_fault, category, type) texts of a row: the flag's yes/no wins, else the fault words. */
export function faultLookup(triples: [string, string, string][]): LookupTable {
  const isFault = triples.map((raw) => {
    const [flag, category, type] = raw.map(clean) as [string, string, string]
    const yes = flag === '' ? null : parseYesNo(flag)
    return yes ?? (isFaultText(flag) || isFaultText(category) || isFaultText(type))
  })
  return { v: bool(isFault) }
}
