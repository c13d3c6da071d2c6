/** A located table -> canonical tickets (KPI contract, section 1), with the rows it rejects. */
import type { LocatedTable } from './locate-table'
import type { SatisfactionScale } from './normalize'
import type { DateParseOptions } from './parse-datetime'
import type { ColumnReport, MissingField } from './report-types'
import type { CanonicalBatch, Mapping, MappingTarget, RejectedRow } from './schema'
import { columnReport, missingFields, trainingColumnReport } from './column-report'
import { recognizeTrainingHeaders } from './headers'
import { parseDateTime } from './parse-datetime'
import { inferDayFirst, planColumns } from './plan-columns'
import { REQUIRED_TARGETS } from './schema'
import { cellAt, quote, TicketMapper } from './ticket-mapper'

/** Required columns that cannot be found. The message names them, lists the headers seen and says how to map them. */
export class MappingError extends Error {
  override name = 'MappingError'
  readonly missing: string[]
  readonly headers: string[]

  constructor(file: string, missing: string[], headers: string[], notFound: [string, string][] = []) {
    const seen = headers.filter((h) => h.trim() !== '').map((h) => `"${h.trim()}"`).join(', ') || '(none)'
    const named = notFound.map(([target, header]) => ` The mapping names "${header}" for ${target}, but the file has no such header.`)
    super(
      `${file}: cannot find the column for ${missing.join(' and ')} (required). Headers seen: ${seen}.${named.join('')}`
      + ` To fix it, map ${missing.length > 1 ? 'each missing field' : 'it'} to one of these headers (canonical field -> header)`
      + ` in the mapping dialog, or with a mapping file (--map), e.g. {"${missing[0] ?? 'created_at'}": "<header>"}.`,
    )
    this.missing = missing
    this.headers = headers
  }
}

export interface MapTicketsOptions {
  file: string
  defaultVendor: string
  mapping?: Mapping
  /** Defaults to the located table's (the workbook's) date system. */
  date1904?: boolean
  /** Overrides the scale detected from the satisfaction column. */
  satisfactionScale?: SatisfactionScale
}

export interface MapTicketsResult {
  batch: CanonicalBatch
  /** Rejected rows, by row number; includes the reader's own rejected rows below the header. */
  rejected: RejectedRow[]
  mapping: Mapping
  /** The satisfaction scale used (detected or overridden); null without satisfaction numbers. */
  satisfactionScale: SatisfactionScale | null
  /** The header of the vendor column; null when the file has none and every row got opts.defaultVendor. */
  vendorColumn: string | null
  /** Values that were kept but could not be understood (left empty), one line per field. */
  warnings: string[]
  /** Every column: the field it became and how it was read. */
  columns: ColumnReport[]
  /** The fields this file does not carry and the KPIs its tickets are left out of. */
  missing: MissingField[]
}

export function mapTickets(located: LocatedTable, opts: MapTicketsOptions): MapTicketsResult {
  const { headers } = located
  const plan = planColumns(located, opts.mapping)
  const { cols } = plan
  const missing = REQUIRED_TARGETS.filter((t) => cols[t] < 0)
  if (missing.length > 0) {
    const notFound = Object.entries(opts.mapping ?? {}).filter(([t, h]) => h !== '' && plan.mapping[t as MappingTarget] === undefined)
    throw new MappingError(opts.file, missing, headers, notFound)
  }

  const dateOpts: DateParseOptions = { ...plan.dateOpts, date1904: opts.date1904 ?? located.date1904 }
  const mapper = new TicketMapper(headers, cols, {
    ...opts,
    dateOpts,
    satisfactionScale: opts.satisfactionScale ?? plan.satisfactionScale,
    units: plan.units,
    decimalComma: plan.decimalComma,
  }, located.rows.length)
  const { rows, rowNumbers } = located
  for (let r = 0; r < rows.length; r++) mapper.add(rows[r] ?? [], rowNumbers[r] ?? 0)

  const rejected = mapper.rejected
  if (located.readerRejected.length > 0) {
    rejected.push(...located.readerRejected.map((issue) => ({ file: opts.file, row: issue.row, reason: issue.reason })))
    rejected.sort((a, b) => a.row - b.row)
  }
  const { batch, satisfactionScale } = mapper.finish()
  return {
    batch,
    rejected,
    mapping: plan.mapping,
    satisfactionScale,
    vendorColumn: plan.mapping.vendor ?? null,
    warnings: mapper.warnings.list(),
    columns: columnReport(located, plan, satisfactionScale),
    missing: missingFields(batch.known, cols.priority >= 0),
  }
}

/**
 * The vendor of a file without a vendor column: its base name up to the first '_',
 * extension removed. A name starting with '_' keeps the whole base name.
 */
export function defaultVendorFromFileName(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  const stem = dot > 0 ? base.slice(0, dot) : base
  const underscore = stem.indexOf('_')
  return underscore > 0 ? stem.slice(0, underscore) : stem
}

export interface TrainingRecords {
  vendor: string[]
  person: string[]
  date: (number | null)[]
}

/**
 * Training records: one row per person trained. A row without a person, or whose non-empty
 * date is not a date, is rejected; an empty date is kept as null.
 */
export function mapTraining(
  located: LocatedTable, opts: { file: string, defaultVendor: string, date1904?: boolean },
): { records: TrainingRecords, rejected: RejectedRow[], columns: ColumnReport[] } {
  const cols = recognizeTrainingHeaders(located.headers)
  const missing = [cols.person < 0 ? 'person' : '', cols.date < 0 ? 'date' : ''].filter((f) => f !== '')
  if (missing.length > 0) throw new MappingError(opts.file, missing, located.headers)
  const dateOpts: DateParseOptions = { date1904: opts.date1904 ?? located.date1904, dayFirst: inferDayFirst(located.rows, [cols.date]) }
  const records: TrainingRecords = { vendor: [], person: [], date: [] }
  const rejected = located.readerRejected.map((issue) => ({ file: opts.file, row: issue.row, reason: issue.reason }))
  located.rows.forEach((row, r) => {
    const rowNo = located.rowNumbers[r] ?? 0
    const person = cellAt(row, cols.person)
    const dateText = cellAt(row, cols.date)
    const date = dateText === '' ? null : parseDateTime(dateText, dateOpts)
    const reason = person === '' ? 'person is empty' : date === null && dateText !== '' ? `date ${quote(dateText)} is not a date` : null
    if (reason !== null) {
      rejected.push({ file: opts.file, row: rowNo, reason })
      return
    }
    records.person.push(person)
    records.vendor.push(cellAt(row, cols.vendor) || opts.defaultVendor)
    records.date.push(date)
  })
  rejected.sort((a, b) => a.row - b.row)
  return { records, rejected, columns: trainingColumnReport(located, cols) }
}
