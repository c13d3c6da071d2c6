/**
 * The import's decisions for one table, taken from its headers and a sample of its rows:
 * which column holds which field, how sure that is (alias, keyword, content, mapping), and how
 * each column's values read (date order, duration unit, decimal comma, satisfaction scale).
 * A keyword candidate is kept only when the column's content confirms it.
 */
import type { LocatedTable } from './locate-table'
import type { DurationUnit, SatisfactionScale } from './normalize'
import type { DateParseOptions } from './parse-datetime'
import type { MatchedBy } from './report-types'
import type { Mapping, MappingTarget } from './schema'
import type { ColumnSample } from './column-content'
import type { Columns } from './ticket-mapper'
import {
  afterCreatedShare, channelShare, columnSample, durationEvidence, priorityShare, reopenShare,
  sampleRows, satisfactionLabelShare, satisfactionShare, timestampShare, usesDecimalComma, yesNoShare,
} from './column-content'
import { headerHints } from './header-text'
import { isBlank } from './normalize'
import { TIME_OR_DURATION } from './header-keywords'
import { normalizeHeader, recognizeHeaders } from './headers'
import { dayFirstEvidence, parseDateTime } from './parse-datetime'
import { MAPPING_TARGETS } from './schema'


export type DurationTarget = 'first_response_min' | 'first_response_hours' | 'resolution_min' | 'resolution_hours'
const DURATION_TARGETS: readonly DurationTarget[] = ['first_response_min', 'first_response_hours', 'resolution_min', 'resolution_hours']
const TIMESTAMP_TARGETS: readonly MappingTarget[] = ['created_at', 'first_response_at', 'resolved_at', 'recovered_at']
const EVENT_TARGETS: readonly MappingTarget[] = ['first_response_at', 'resolved_at', 'recovered_at']
const isDuration = (t: MappingTarget): t is DurationTarget => (DURATION_TARGETS as readonly string[]).includes(t)

export interface ColumnPlan {
  cols: Columns
  how: Partial<Record<MappingTarget, MatchedBy>>
  /** The unit of each duration column's plain numbers. */
  units: Partial<Record<DurationTarget, DurationUnit>>
  /** Columns (by index) whose numbers use a decimal comma. */
  decimalComma: Set<number>
  /** The satisfaction scale the header names, if it names one. */
  satisfactionScale?: SatisfactionScale
  dateOpts: DateParseOptions
  /** Column index -> why it is not used although it looked like a field, or which of two columns won. */
  notes: Map<number, string>
  /** The vendor column was present but empty in every row: the file's vendor is used. */
  emptyVendorColumn: string | null
  /** The mapping as header texts (what the dialog preselects and --map writes). */
  mapping: Mapping
}

/** Thresholds of the content checks: a candidate is confirmed when this share of its sample agrees. */
const CONFIRM = 0.8
const EVENTS_AFTER_CREATED = 0.9
const LABELS_BY_CONTENT = 0.9

/**
 * What the plan reads from every row rather than the sample: the file's date order and whether
 * the vendor column is empty throughout. The engine import answers these with SQL.
 */
export interface PlanFacts {
  dayFirst: (cols: readonly number[]) => boolean
  vendorEmpty: (col: number) => boolean
}

/** The facts taken from the located rows themselves (the JS import holds them all). */
export function rowFacts(rows: readonly (readonly string[])[]): PlanFacts {
  return {
    dayFirst: cols => inferDayFirst(rows, cols),
    vendorEmpty: col => !rows.some(r => !isBlank((r[col] ?? '').trim())),
  }
}

export function planColumns(located: LocatedTable, mapping?: Mapping, facts: PlanFacts = rowFacts(located.rows)): ColumnPlan {
  const { headers } = located
  const named = recognizeHeaders(headers, mapping)
  const cols = Object.fromEntries(MAPPING_TARGETS.map(t => [t, named.indexes[t] ?? -1])) as Columns
  const how = { ...named.how }
  const notes = new Map<number, string>()
  const rows = sampleRows(located.rows)
  const samples = new Map<number, ColumnSample>()
  const sample = (c: number): ColumnSample => samples.get(c) ?? samples.set(c, columnSample(rows, c)).get(c)!
  const drop = (t: MappingTarget, note: string): void => {
    notes.set(cols[t], note)
    cols[t] = -1
    delete how[t]
  }
  const moveTo = (from: MappingTarget, to: MappingTarget): void => {
    cols[to] = cols[from]
    how[to] = how[from] ?? 'keyword'
    cols[from] = -1
    delete how[from]
  }

  let dateOpts: DateParseOptions = { date1904: located.date1904, dayFirst: inferDayFirst(rows, TIMESTAMP_TARGETS.map(t => cols[t])) }
  const createdSample = cols.created_at >= 0 ? rows.map(r => parseDateTime((r[cols.created_at] ?? '').trim(), dateOpts)) : []
  const units: Partial<Record<DurationTarget, DurationUnit>> = {}
  const decimalComma = new Set<number>()

  // Keyword candidates of a time column: a timestamp, a duration, or neither.
  for (const t of MAPPING_TARGETS) {
    if (cols[t] < 0 || how[t] !== 'keyword') continue
    const s = sample(cols[t])
    // An empty column is carried like an alias-found one: its tickets have no value yet (contract §1).
    if (s.values.length === 0) continue
    const alt = TIME_OR_DURATION[t]
    if (TIMESTAMP_TARGETS.includes(t) || (alt !== undefined && isDuration(t))) {
      const stamps = timestampShare(s, dateOpts)
      const durations = durationEvidence(s)
      const isStamp = stamps >= CONFIRM
      const asStamp = isStamp ? (TIMESTAMP_TARGETS.includes(t) ? t : alt) : undefined
      const asDuration = !isStamp && durations.share >= CONFIRM ? (isDuration(t) ? t : alt) : undefined
      if (asStamp !== undefined && asStamp !== t) {
        if (cols[asStamp] >= 0) drop(t, `holds dates, and ${asStamp} is already column "${headers[cols[asStamp]]}"`)
        else moveTo(t, asStamp)
      }
      else if (asDuration !== undefined && asDuration !== t) {
        if (cols[asDuration] >= 0) drop(t, `holds durations, and ${asDuration} is already column "${headers[cols[asDuration]]}"`)
        else moveTo(t, asDuration)
      }
      else if (asStamp === undefined && asDuration === undefined) {
        drop(t, `the header suggests ${t}, but its values are neither dates nor durations (e.g. "${s.values[0]}")`)
      }
    }
    else if (t === 'priority' && priorityShare(s) < CONFIRM) drop(t, `the header suggests priority, but its values are not priority levels (e.g. "${s.distinct[0]}")`)
    else if (t === 'channel' && channelShare(s) < 0.6) drop(t, `the header suggests channel, but its values are not contact channels (e.g. "${s.distinct[0]}")`)
    else if (t === 'satisfaction' && satisfactionShare(s) < CONFIRM) drop(t, `the header suggests satisfaction, but its values are not scores or ratings (e.g. "${s.values[0]}")`)
    else if (t === 'reopen_count' && reopenShare(s) < CONFIRM) drop(t, `the header suggests reopens, but its values are not counts or yes/no (e.g. "${s.values[0]}")`)
    else if (t === 'is_fault' && yesNoShare(s) < CONFIRM) drop(t, `the header suggests a fault flag, but its values are not yes/no (e.g. "${s.values[0]}")`)
  }

  // An alias that names a time ("First response time") over a column of durations: the values decide.
  for (const t of EVENT_TARGETS) {
    const alt = TIME_OR_DURATION[t]
    if (cols[t] < 0 || how[t] !== 'alias' || alt === undefined || cols[alt] >= 0) continue
    const s = sample(cols[t])
    const ev = durationEvidence(s)
    if (s.values.length === 0 || timestampShare(s, dateOpts) >= 0.5 || ev.share < CONFIRM) continue
    const unit = headerHints(headers[cols[t]] ?? '').unit
    if (unit === undefined && ev.plain + ev.decimalComma > 0) drop(t, `holds plain numbers, not dates, and the header names no unit: map it as ${alt} or its _hours twin`)
    else moveTo(t, alt)
  }

  // A ticket event before the ticket was raised is not that event: a keyword-found one must mostly come after created_at.
  for (const t of EVENT_TARGETS) {
    if (cols[t] < 0 || how[t] !== 'keyword' || createdSample.length === 0) continue
    const after = afterCreatedShare(sample(cols[t]), createdSample, dateOpts)
    if (after < EVENTS_AFTER_CREATED) drop(t, `the header suggests ${t}, but only ${Math.round(after * 100)} % of its times are at or after created_at`)
  }

  // Duration units: the header's annotation, else the target's own unit, else the values must carry it.
  for (const t of DURATION_TARGETS) {
    if (cols[t] < 0) continue
    const hint = headerHints(headers[cols[t]] ?? '').unit
    const own: DurationUnit | undefined = how[t] === 'keyword' ? undefined : t.endsWith('_hours') ? 'hours' : 'min'
    const unit = hint ?? own
    const ev = durationEvidence(sample(cols[t]))
    if (unit === undefined && ev.plain + ev.decimalComma > 0) {
      drop(t, `plain numbers without a unit: map it as ${t.replace(/_(?:min|hours)$/, '')}_min or _hours`)
      continue
    }
    units[t] = unit ?? 'min'
    if (ev.decimalComma > 0 && usesDecimalComma(sample(cols[t]))) decimalComma.add(cols[t])
  }
  if (cols.satisfaction >= 0 && usesDecimalComma(sample(cols.satisfaction))) decimalComma.add(cols.satisfaction)

  contentOnly(headers, cols, how, sample, named.traps)
  chooseAmongRepeats(headers, cols, notes, sample)

  for (const [index, target] of named.alsoMatched) {
    if (Object.values(cols).includes(index)) continue
    const winner = cols[target]
    notes.set(index, winner >= 0 ? `also looks like ${target}; column "${headers[winner]}" was taken` : `looks like ${target}, but its values do not confirm it`)
  }
  for (const index of named.traps) {
    if (!notes.has(index) && !Object.values(cols).includes(index)) notes.set(index, 'not a ticket time: an update, due, SLA-remaining, average or business-hours column')
  }

  dateOpts = { ...dateOpts, dayFirst: facts.dayFirst(TIMESTAMP_TARGETS.map(t => cols[t])) }
  let emptyVendorColumn: string | null = null
  const vendorCol = cols.vendor
  if (vendorCol >= 0 && facts.vendorEmpty(vendorCol)) {
    emptyVendorColumn = headers[cols.vendor] ?? ''
    notes.set(cols.vendor, 'the vendor column is empty in every row: the file\'s vendor is used')
    cols.vendor = -1
    delete how.vendor
  }
  const satisfactionScale = cols.satisfaction >= 0 ? headerHints(headers[cols.satisfaction] ?? '').scale : undefined
  const planMapping: Mapping = {}
  for (const t of MAPPING_TARGETS) if (cols[t] >= 0) planMapping[t] = (headers[cols[t]] ?? '').trim()
  return { cols, how, units, decimalComma, satisfactionScale, dateOpts, notes, emptyVendorColumn, mapping: planMapping }
}

/**
 * Columns no header rule claimed, recognised by their values alone: satisfaction labels,
 * priority levels and contact channels (each only while that field has no column yet).
 */
function contentOnly(
  headers: readonly string[], cols: Columns, how: Partial<Record<MappingTarget, MatchedBy>>,
  sample: (c: number) => ColumnSample, traps: ReadonlySet<number>,
): void {
  const used = new Set(Object.values(cols).filter(c => c >= 0))
  const tests: [MappingTarget, (s: ColumnSample) => boolean][] = [
    ['satisfaction', s => satisfactionLabelShare(s) >= LABELS_BY_CONTENT],
    ['priority', s => priorityShare(s, false) >= LABELS_BY_CONTENT],
    ['channel', s => channelShare(s) >= LABELS_BY_CONTENT && s.distinct.some(v => !/^\d+$/.test(v))],
  ]
  headers.forEach((_, c) => {
    if (used.has(c) || traps.has(c)) return
    const s = sample(c)
    if (s.distinct.length < 2 || s.distinct.length > 40) return
    const hit = tests.find(([t, test]) => cols[t] < 0 && test(s))
    if (hit === undefined) return
    cols[hit[0]] = c
    how[hit[0]] = 'content'
    used.add(c)
  })
}

/**
 * A header repeated in the file (Jira writes "Labels", "Comment", "Sprint" … once per value):
 * of the columns with the same header, the field takes the one with the most values, the
 * first on a tie, and the others are listed as repeats.
 */
function chooseAmongRepeats(headers: readonly string[], cols: Columns, notes: Map<number, string>, sample: (c: number) => ColumnSample): void {
  for (const t of MAPPING_TARGETS) {
    const c = cols[t]
    if (c < 0) continue
    const key = normalizeHeader(headers[c] ?? '')
    const same = headers.map((h, i) => (normalizeHeader(h) === key ? i : -1)).filter(i => i >= 0)
    if (same.length < 2) continue
    const best = same.reduce((a, b) => (sample(b).values.length > sample(a).values.length ? b : a), same[0] ?? c)
    for (const [other, index] of Object.entries(cols)) if (index === c) cols[other as MappingTarget] = best
    for (const i of same) if (i !== best) notes.set(i, `repeated header: column ${best + 1} (the one with the most values) is used`)
  }
}

/** One export writes all its dates alike: a single 13/3/2025 makes every slash date of the file day-first. */
export function inferDayFirst(rows: readonly (readonly string[])[], cols: readonly number[]): boolean {
  // Only columns whose first value has the year last need the full scan.
  const used = cols.filter(c => c >= 0 && YEAR_LAST.test(rows.find(row => (row[c] ?? '').trim() !== '')?.[c]?.trim() ?? ''))
  if (used.length === 0) return false
  let dayFirst = 0
  let monthFirst = 0
  for (const row of rows) {
    for (const c of used) {
      const e = dayFirstEvidence(row[c] ?? '')
      if (e > 0) dayFirst++
      else if (e < 0) monthFirst++
    }
  }
  // Contradicting evidence: no single order fits, keep the per-value rule.
  return dayFirst > 0 && monthFirst === 0
}

/** A date with the year last (13/3/2025): the first value of a column that needs the day/month evidence. */
export const YEAR_LAST = /^\d{1,2}[/-]\d{1,2}[/-]\d/
