/**
 * What a column's values look like, from a sample: the evidence that confirms a header's
 * candidate field or finds a field for a header nobody knows. Decides on samples and on
 * distinct values only; no per-row work of the import happens here.
 */
import type { DurationUnit } from './normalize'
import {
  isBlank, isFaultText, normalizeChannel, parseDecimal, parseDuration, parseReopenCount, parseYesNo,
  priorityKind, satisfactionLabel, satisfactionNumber,
} from './normalize'
import { parseDateTime } from './parse-datetime'
import type { DateParseOptions } from './parse-datetime'

/** Rows of the file looked at to decide (spread over the file: head, middle and tail). */
export const SAMPLE_ROWS = 500

export interface ColumnSample {
  /** Non-empty values (placeholders removed), trimmed, in row order. */
  values: string[]
  /** Row positions (into the sample) of each value. */
  at: number[]
  distinct: string[]
}

/** Up to SAMPLE_ROWS rows spread over the table, in order. */
export function sampleRows<T>(rows: readonly T[]): T[] {
  if (rows.length <= SAMPLE_ROWS) return [...rows]
  const third = Math.floor(SAMPLE_ROWS / 3)
  const mid = Math.floor(rows.length / 2 - third / 2)
  return [...rows.slice(0, third), ...rows.slice(mid, mid + third), ...rows.slice(rows.length - (SAMPLE_ROWS - 2 * third))]
}

export function columnSample(rows: readonly (readonly string[])[], col: number): ColumnSample {
  const values: string[] = []
  const at: number[] = []
  const seen = new Set<string>()
  rows.forEach((row, r) => {
    const v = (row[col] ?? '').trim()
    if (isBlank(v)) return
    values.push(v)
    at.push(r)
    seen.add(v)
  })
  return { values, at, distinct: [...seen] }
}

function share(values: readonly string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0
  let n = 0
  for (const v of values) if (test(v)) n++
  return n / values.length
}

/** Share of values that read as timestamps. */
export function timestampShare(s: ColumnSample, opts: DateParseOptions): number {
  return share(s.values, v => parseDateTime(v, opts) !== null && !isPlainSmallNumber(v))
}

/** A bare number under 100000 is a count or a duration, not an Excel date serial worth trusting by content. */
function isPlainSmallNumber(v: string): boolean {
  const n = parseDecimal(v)
  return !Number.isNaN(n) && Math.abs(n) < 100_000 && !/^\d{8}$/.test(v)
}

/**
 * Share of the rows holding both a timestamp here and a created_at that are at or after
 * created_at (an event of the ticket comes after it was raised). NaN when no row has both.
 */
export function afterCreatedShare(s: ColumnSample, created: readonly (number | null)[], opts: DateParseOptions): number {
  let both = 0
  let after = 0
  s.values.forEach((v, i) => {
    const c = created[s.at[i] ?? -1]
    const t = parseDateTime(v, opts)
    if (c === null || c === undefined || t === null) return
    both++
    if (t >= c) after++
  })
  return both === 0 ? NaN : after / both
}

export interface DurationEvidence {
  /** Share of values that read as durations (plain numbers need a unit). */
  share: number
  /** Values written with their own unit ('1h 20m', '01:20:00', '45分钟'). */
  selfDescribing: number
  /** Plain numbers. */
  plain: number
  /** Values with a decimal comma ('1,5'). */
  decimalComma: number
}

export function durationEvidence(s: ColumnSample): DurationEvidence {
  let ok = 0
  let selfDescribing = 0
  let plain = 0
  let decimalComma = 0
  for (const v of s.values) {
    if (!Number.isNaN(parseDecimal(v))) {
      plain++
      ok++
    }
    else if (DECIMAL_COMMA.test(v)) {
      decimalComma++
      ok++
    }
    else if (!Number.isNaN(parseDuration(v, 'min'))) {
      selfDescribing++
      ok++
    }
  }
  return { share: s.values.length ? ok / s.values.length : 0, selfDescribing, plain, decimalComma }
}

/** 1,5 or -12,25: a decimal comma (a thousands comma has three digits after it). */
export const DECIMAL_COMMA = /^-?\d+,(?:\d{1,2}|\d{4,})$/

/**
 * A column writes decimal commas when some value can only be one ('1,5') and none uses a
 * dot as the decimal point.
 */
export function usesDecimalComma(s: ColumnSample): boolean {
  return s.values.some(v => DECIMAL_COMMA.test(v)) && !s.values.some(v => /^-?\d+\.\d+$/.test(v))
}

const MARKED_LEVEL = /^(?:p|s|sev|severity|priority|level|l)\s*[0-5]$|^[0-5]\s*[-–—:.]\s*\p{L}|^[0-5一二三四五]\s*级/iu

/**
 * Share of distinct values that name a priority: a word (紧急, High), a marked level (P1, Sev 2,
 * 1 - Critical, 一级) or, where the header already says priority, a bare level 0..5.
 */
export function priorityShare(s: ColumnSample, bareLevels = true): number {
  return share(s.distinct, v => priorityKind(v) === 'word' || MARKED_LEVEL.test(v) || (bareLevels && /^[0-5]$/.test(v)))
}

/** Share of distinct values that name a known channel (not 'other'). */
export function channelShare(s: ColumnSample): number {
  return share(s.distinct, v => normalizeChannel(v) !== 'other' && !/^\+?[\d\s-]{5,}$/.test(v))
}

/** Share of values that are satisfaction numbers (0..100) or labels. */
export function satisfactionShare(s: ColumnSample): number {
  return share(s.values, (v) => {
    const n = satisfactionNumber(v.replace(DECIMAL_COMMA_CHAR, '.'))
    return Number.isNaN(n) ? satisfactionLabel(v) !== undefined : n >= 0 && n <= 100
  })
}
const DECIMAL_COMMA_CHAR = /,(?=\d{1,2}$)/

/** Share of distinct values that are satisfaction labels (non-numeric). */
export function satisfactionLabelShare(s: ColumnSample): number {
  return share(s.distinct, v => Number.isNaN(parseDecimal(v)) && satisfactionLabel(v) !== undefined)
}

export function yesNoShare(s: ColumnSample): number {
  return share(s.values, v => parseYesNo(v) !== null)
}

export function reopenShare(s: ColumnSample): number {
  return share(s.values, v => !Number.isNaN(parseReopenCount(v)))
}

export function faultWordShare(s: ColumnSample): number {
  return share(s.distinct, v => isFaultText(v))
}

/** The unit a duration column's plain numbers are in, from its header's annotation or its target's name. */
export function durationUnitLabel(unit: DurationUnit): string {
  return { sec: 'seconds', min: 'minutes', hours: 'hours', days: 'days' }[unit]
}
