import type { SqlParam } from './engine'

/** What a manager filters by. Months are 'YYYY-MM' of created_at, inclusive. */
export interface Filters {
  from?: string | null
  to?: string | null
  vendors?: string[]
  priorities?: string[]
  channels?: string[]
  categories?: string[]
}

export interface Where {
  sql: string
  params: SqlParam[]
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export function isMonth(s: string): boolean {
  return MONTH.test(s)
}

function inList(column: string, values: readonly string[] | undefined, out: string[], params: SqlParam[]): void {
  if (!values || values.length === 0) return
  out.push(`${column} IN (${values.map(() => '?').join(', ')})`)
  params.push(...values)
}

/**
 * WHERE clause over `tickets` with bound parameters (never user text in SQL).
 * `months: false` leaves the month range out: the backlog counts older open tickets too.
 */
export function whereClause(f: Filters, opts: { months: boolean } = { months: true }): Where {
  const parts: string[] = []
  const params: SqlParam[] = []
  if (opts.months && f.from) {
    if (!isMonth(f.from)) throw new Error(`from: expected YYYY-MM, got "${f.from}"`)
    parts.push('month >= ?')
    params.push(f.from)
  }
  if (opts.months && f.to) {
    if (!isMonth(f.to)) throw new Error(`to: expected YYYY-MM, got "${f.to}"`)
    parts.push('month <= ?')
    params.push(f.to)
  }
  inList('vendor', f.vendors, parts, params)
  inList('priority', f.priorities, parts, params)
  inList('channel', f.channels, parts, params)
  inList('category', f.categories, parts, params)
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}
