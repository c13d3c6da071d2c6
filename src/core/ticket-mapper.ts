/** One row of a located ticket table -> one canonical ticket, or the reason the row is rejected. */
import {
  addSatisfactionNumber, isBlank, isFaultText, newSatisfactionStats, normalizeChannel, normalizePriority, parseDuration,
  parseReopenCount, parseYesNo, satisfactionLabel, satisfactionNumber, satisfactionScaleOf, scaleSatisfaction,
} from './normalize'
import type { DurationUnit, SatisfactionScale } from './normalize'
import { parseDateTime } from './parse-datetime'
import type { DateParseOptions } from './parse-datetime'
import type { CanonicalBatch, KnownFlag, MappingTarget, RejectedRow } from './schema'

/** Column index of every mapping target, -1 when the file does not carry it. */
export type Columns = Record<MappingTarget, number>

const BATCH_COLUMNS = [
  'ticket_id', 'vendor', 'created_at', 'first_response_at', 'resolved_at', 'recovered_at', 'priority', 'channel', 'category',
  'is_fault', 'reopen_count', 'satisfaction', 'customer', 'row',
] as const satisfies readonly (keyof CanonicalBatch)[]

/** The trimmed cell, '' when absent, empty or a NULL placeholder. */
export function cellAt(row: readonly string[], col: number): string {
  if (col < 0) return ''
  const v = row[col]
  if (v === undefined || v.length === 0) return ''
  const t = isPrintable(v.charCodeAt(0)) && isPrintable(v.charCodeAt(v.length - 1)) ? v : v.trim()
  return isBlank(t) ? '' : t
}

/** Printable ASCII or a CJK ideograph: surely not whitespace, so most cells skip trim(). */
function isPrintable(c: number): boolean {
  return (c > 32 && c < 127) || (c >= 0x4e00 && c <= 0x9fff)
}

/** A cell value quoted for a rejection reason, cut to 60 characters. */
export function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`
}

/** Which optional fields a file with these columns carries. */
export function knownFlags(cols: Columns): Record<KnownFlag, boolean> {
  const has = (...targets: MappingTarget[]): boolean => targets.some((t) => cols[t] >= 0)
  return {
    first_response: has('first_response_at', 'first_response_min', 'first_response_hours'),
    resolved: has('resolved_at', 'resolution_min', 'resolution_hours'),
    reopen: has('reopen_count'),
    satisfaction: has('satisfaction'),
    channel: has('channel'),
    fault: has('category', 'fault_type', 'is_fault'),
    customer: has('customer'),
    category: has('category'),
  }
}

export interface TicketMapperOptions {
  file: string
  defaultVendor: string
  dateOpts: DateParseOptions
  /** Overrides the scale detected from the column's numbers. */
  satisfactionScale?: SatisfactionScale
  /** The unit of each duration column's plain numbers, where it is not the target's own (e.g. seconds). */
  units?: Partial<Record<MappingTarget, DurationUnit>>
  /** Columns whose numbers use a decimal comma ('1,5'). */
  decimalComma?: ReadonlySet<number>
}

export class TicketMapper {
  readonly batch: CanonicalBatch
  readonly rejected: RejectedRow[] = []
  readonly warnings = new Warnings()
  private readonly dateOpts: DateParseOptions
  /** Why the last eventTime/timestamp/duration read failed. */
  private failure = ''
  /** Satisfaction numbers as written (NaN: none), scaled in finish() once the whole column is known. */
  private readonly satisfactionRaw: Float64Array
  private readonly satisfactionStats = newSatisfactionStats()
  private scale: SatisfactionScale | null = null

  constructor(
    private readonly headers: readonly string[],
    private readonly cols: Columns,
    private readonly opts: TicketMapperOptions,
    capacity: number,
  ) {
    this.dateOpts = opts.dateOpts
    this.satisfactionRaw = new Float64Array(cols.satisfaction >= 0 ? capacity : 0).fill(NaN)
    const known = knownFlags(cols)
    // Sized for every row and cut to the tickets kept in finish(): filling by index is several times faster than push.
    const column = <T>(): T[] => new Array<T>(capacity)
    this.batch = {
      length: 0, ticket_id: column(), vendor: column(), created_at: column(), first_response_at: column(), resolved_at: column(),
      recovered_at: column(), priority: column(), channel: column(), category: column(), is_fault: column(), reopen_count: column(),
      satisfaction: column(), customer: column(), row: column(), known,
    }
  }

  /** Cuts the columns to the tickets kept and scales the satisfaction numbers. */
  finish(): { batch: CanonicalBatch, satisfactionScale: SatisfactionScale | null } {
    const b = this.batch
    for (const key of BATCH_COLUMNS) b[key].length = b.length
    this.scale = this.opts.satisfactionScale ?? satisfactionScaleOf(this.satisfactionStats)
    const raw = this.satisfactionRaw
    for (let i = 0; i < raw.length && i < b.length; i++) {
      const n = raw[i] ?? NaN
      if (Number.isNaN(n)) continue
      const v = scaleSatisfaction(n, this.scale)
      b.satisfaction[i] = Number.isNaN(v) ? null : v
      if (Number.isNaN(v)) this.warnings.add('satisfaction', String(n), b.row[i] ?? 0)
    }
    return { batch: b, satisfactionScale: this.scale }
  }

  add(row: readonly string[], rowNo: number): void {
    const reason = this.addRow(row, rowNo)
    if (reason !== null) this.rejected.push({ file: this.opts.file, row: rowNo, reason })
  }

  /** Adds the ticket, or returns why the row is rejected. */
  private addRow(row: readonly string[], rowNo: number): string | null {
    const { cols, headers } = this
    const width = headers.length
    if (row.length > width) {
      let last = row.length - 1
      while (last >= width && (row[last] ?? '').trim() === '') last--
      if (last >= width) return `row has ${last + 1} cells, the header has ${width}`
    }
    // A header repeated inside the data (concatenated exports) is not a ticket; listed so no row goes unaccounted.
    if (row[cols.ticket_id] === headers[cols.ticket_id] && row[cols.created_at] === headers[cols.created_at]) return 'repeats the header row'

    const id = cellAt(row, cols.ticket_id)
    // A row of blanks (spaces, a stray separator) is not a ticket, and not worth a rejection either.
    if (id === '' && row.every((cell) => cell.trim() === '')) return null
    if (id === '') return `ticket_id is empty (column ${quote(this.header('ticket_id'))})`
    const createdText = cellAt(row, cols.created_at)
    if (createdText === '') return `created_at is empty (column ${quote(this.header('created_at'))})`
    const created = parseDateTime(createdText, this.dateOpts)
    if (created === null) return `created_at ${quote(createdText)} is not a date (column ${quote(this.header('created_at'))})`

    const firstResponse = this.eventTime(row, 'first_response_at', 'first_response_min', 'first_response_hours', created, createdText)
    if (firstResponse === undefined) return this.failure
    const resolved = this.eventTime(row, 'resolved_at', 'resolution_min', 'resolution_hours', created, createdText)
    if (resolved === undefined) return this.failure
    let recovered = this.timestamp(row, 'recovered_at')
    if (recovered === undefined) return this.failure
    // A restore time before the ticket was raised is a data-entry slip: ignored, so the KPI falls back to resolved_at.
    if (recovered !== null && recovered < created) recovered = null

    const b = this.batch
    const i = b.length++
    b.ticket_id[i] = id
    b.vendor[i] = cols.vendor >= 0 ? cellAt(row, cols.vendor) || this.opts.defaultVendor : this.opts.defaultVendor
    b.created_at[i] = created
    b.first_response_at[i] = firstResponse
    b.resolved_at[i] = resolved
    b.recovered_at[i] = recovered
    b.priority[i] = cols.priority >= 0 ? normalizePriority(cellAt(row, cols.priority)) : 'P3'
    b.channel[i] = cols.channel >= 0 ? normalizeChannel(cellAt(row, cols.channel)) : null
    b.category[i] = cols.category >= 0 ? cellAt(row, cols.category) || null : null
    b.is_fault[i] = this.isFault(row)
    b.reopen_count[i] = cols.reopen_count >= 0 ? this.reopenCount(row, rowNo) : null
    b.satisfaction[i] = cols.satisfaction >= 0 ? this.satisfaction(row, i, rowNo) : null
    b.customer[i] = cols.customer >= 0 ? cellAt(row, cols.customer) || null : null
    b.row[i] = rowNo
    return null
  }

  /**
   * A first response or resolution: the timestamp cell when it has a value, else created_at
   * plus the duration cell (so a file carrying both still derives where the timestamp is empty).
   * undefined = rejected, reason in this.failure.
   */
  private eventTime(
    row: readonly string[], at: 'first_response_at' | 'resolved_at', minutes: MappingTarget, hours: MappingTarget,
    created: number, createdText: string,
  ): number | null | undefined {
    const text = cellAt(row, this.cols[at])
    if (text !== '') {
      const t = this.parseTime(text, at)
      if (t !== undefined && t < created) {
        this.failure = `${at} ${quote(text)} is before created_at ${quote(createdText)}`
        return undefined
      }
      return t
    }
    const fromMinutes = this.duration(row, minutes, 'min')
    if (fromMinutes !== null) return fromMinutes === undefined ? undefined : created + Math.round(fromMinutes * 60_000)
    const fromHours = this.duration(row, hours, 'hours')
    return fromHours === undefined || fromHours === null ? fromHours : created + Math.round(fromHours * 60_000)
  }

  /** The timestamp in the target's cell, null when empty, undefined when not a date. */
  private timestamp(row: readonly string[], target: MappingTarget): number | null | undefined {
    const text = cellAt(row, this.cols[target])
    return text === '' ? null : this.parseTime(text, target)
  }

  private parseTime(text: string, target: MappingTarget): number | undefined {
    const t = parseDateTime(text, this.dateOpts)
    if (t !== null) return t
    this.failure = `${target} ${quote(text)} is not a date (column ${quote(this.header(target))})`
    return undefined
  }

  /** Minutes, null when empty, undefined when not a duration. */
  private duration(row: readonly string[], target: MappingTarget, unit: DurationUnit): number | null | undefined {
    const text = this.numberCell(row, this.cols[target])
    if (text === '') return null
    const minutes = parseDuration(text, this.opts.units?.[target] ?? unit)
    if (!Number.isNaN(minutes)) return minutes
    this.failure = `${target} ${quote(text)} is not a duration (column ${quote(this.header(target))})`
    return undefined
  }

  /**
   * An is_fault column's yes/no wins; otherwise (or when it is empty or not a yes/no)
   * the fault words in is_fault, category and the type column decide. Null when the file carries none of them.
   */
  private isFault(row: readonly string[]): boolean | null {
    const { cols } = this
    if (cols.is_fault < 0 && cols.category < 0 && cols.fault_type < 0) return null
    const flag = cellAt(row, cols.is_fault)
    const yes = flag === '' ? null : parseYesNo(flag)
    if (yes !== null) return yes
    return isFaultText(flag) || isFaultText(cellAt(row, cols.category)) || isFaultText(cellAt(row, cols.fault_type))
  }

  private reopenCount(row: readonly string[], rowNo: number): number | null {
    const text = cellAt(row, this.cols.reopen_count)
    const n = parseReopenCount(text)
    if (!Number.isNaN(n)) return n
    this.warnings.add('reopen_count', text, rowNo)
    return null
  }

  /** A label's value now; a number is kept raw for finish() (contract: the scale is per column). */
  private satisfaction(row: readonly string[], i: number, rowNo: number): number | null {
    const text = this.numberCell(row, this.cols.satisfaction)
    if (text === '') return null
    const n = satisfactionNumber(text)
    if (!Number.isNaN(n)) {
      this.satisfactionRaw[i] = n
      addSatisfactionNumber(this.satisfactionStats, n)
      return null
    }
    const label = satisfactionLabel(text)
    if (label === undefined) this.warnings.add('satisfaction', text, rowNo)
    return label ?? null
  }

  /** The cell, with a decimal comma read as a point in the columns that write one. */
  private numberCell(row: readonly string[], col: number): string {
    const text = cellAt(row, col)
    return this.opts.decimalComma?.has(col) === true ? text.replace(DECIMAL_COMMA_AT, '.') : text
  }

  private header(target: MappingTarget): string {
    return (this.headers[this.cols[target]] ?? target).trim()
  }
}

const DECIMAL_COMMA_AT = /,(?=\d+$)/

/** Collects values kept as empty because they were not understood, for the import report. */
export class Warnings {
  private readonly fields = new Map<string, { count: number, examples: string[] }>()

  add(field: string, text: string, row: number): void {
    this.addCounted(field, 1, [[text, row]])
  }

  /** `count` values of a field at once, with (at most the first three of) their examples. */
  addCounted(field: string, count: number, examples: readonly (readonly [string, number])[]): void {
    const entry = this.fields.get(field) ?? { count: 0, examples: [] }
    entry.count += count
    for (const [text, row] of examples) if (entry.examples.length < 3) entry.examples.push(`${quote(text)} on row ${row}`)
    this.fields.set(field, entry)
  }

  list(): string[] {
    return [...this.fields].map(([field, { count, examples }]) =>
      `${field}: ${count} value${count > 1 ? 's' : ''} not understood and left empty, e.g. ${examples.join(', ')}`)
  }
}
