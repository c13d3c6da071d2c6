import type { Engine, SqlParam } from '../engine'
import type { Filters } from '../filters'
import { isMonth } from '../filters'
import { num } from './literal'
import { DIMENSION_TYPES } from './tickets-table'

type Dimension = keyof typeof DIMENSION_TYPES

const LISTS: [Dimension, keyof Filters][] = [
  ['vendor', 'vendors'], ['priority', 'priorities'], ['channel', 'channels'], ['category', 'categories'],
]

/**
 * Filters resolved against the loaded data: months checked (YYYY-MM), and every chosen
 * vendor, priority, channel and category turned into its ENUM code (tickets-table.ts).
 * Codes are integers made by DuckDB and months match /^\d{4}-\d\d$/, so the conditions
 * below can carry them as literals: no user text ever enters SQL. With literals DuckDB
 * plans each query once and pushes the month range into the scan (zone maps); a query
 * with bound parameters is planned twice, at prepare and again at execution.
 */
export interface ResolvedFilters {
  from: string | null
  to: string | null
  /** Per dimension: null = not filtered; else the 0-based codes of the values that exist (may be empty: nothing matches). */
  codes: Record<Dimension, number[] | null>
}

function checkMonth(name: 'from' | 'to', v: string | null | undefined): string | null {
  if (!v) return null
  if (!isMonth(v)) throw new Error(`${name}: expected YYYY-MM, got "${v}"`)
  return v
}

/** One small query with bound parameters (only when a list filter is set) maps values to codes. */
export async function resolveFilters(engine: Engine, f: Filters): Promise<ResolvedFilters> {
  const r: ResolvedFilters = {
    from: checkMonth('from', f.from),
    to: checkMonth('to', f.to),
    codes: { vendor: null, priority: null, channel: null, category: null },
  }
  const asked: { dim: Dimension, value: string }[] = []
  for (const [dim, key] of LISTS) {
    const values = f[key] as string[] | undefined
    if (!values || values.length === 0) continue
    r.codes[dim] = []
    for (const value of values) asked.push({ dim, value })
  }
  if (asked.length === 0) return r
  const sql = asked.map((a, i) => `SELECT ${i} AS i, enum_code(TRY_CAST(? AS ${DIMENSION_TYPES[a.dim]}))::INTEGER AS code`).join('\nUNION ALL ')
  const rows = await engine.query<{ i: number, code: number | null }>(sql, asked.map(a => a.value) as SqlParam[])
  for (const row of rows) {
    if (row.code !== null) r.codes[asked[row.i]!.dim]!.push(row.code)
  }
  return r
}


/** The ENUM value with this 0-based code, as a constant DuckDB folds at planning. */
export function enumValue(dim: Dimension, code: number): string {
  return `CAST(enum_range(NULL::${DIMENSION_TYPES[dim]})[${num(code + 1)}] AS ${DIMENSION_TYPES[dim]})`
}

/** 'YYYY-MM' (checked) → the DATE literal of its first day. */
export function monthStart(month: string): string {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`)
  return `DATE '${month}-01'`
}

/**
 * The filters as conditions (joined with AND; '' for none) over any table the build makes:
 * `tickets`, `kpi_cube` and `tickets_pending` share the columns vendor, priority, channel,
 * category (ENUMs; `kpi_cube_nc` has no category: see cubeFor) and mon (DATE: first day of the created_at month).
 * `months: false` leaves the month range out (the backlog).
 */
export function filterCond(r: ResolvedFilters, opts: { months: boolean } = { months: true }): string {
  const parts: string[] = []
  if (opts.months && r.from) parts.push(`mon >= ${monthStart(r.from)}`)
  if (opts.months && r.to) parts.push(`mon <= ${monthStart(r.to)}`)
  for (const [dim] of LISTS) {
    const codes = r.codes[dim]
    if (codes === null) continue
    parts.push(codes.length ? `${dim} IN (${codes.map(c => enumValue(dim, c)).join(', ')})` : 'false')
  }
  return parts.join(' AND ')
}

/** The cube a query over these filters reads: the one without category unless category is filtered. */
export function cubeFor(r: ResolvedFilters): string {
  return r.codes.category === null ? 'kpi_cube_nc' : 'kpi_cube'
}

/** `WHERE …` (or '') for a condition, plus extra conditions that are always applied. */
export function where(cond: string, ...extra: string[]): string {
  const all = [cond, ...extra].filter(Boolean)
  return all.length ? `WHERE ${all.join(' AND ')}` : ''
}
