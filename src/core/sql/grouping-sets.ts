import { DIMENSION_TYPES } from './tickets-table'

/**
 * The four keys every group of the report is made of, and the GROUPING SETS helpers the
 * report's parts share (kpi-query.ts, quantiles.ts, quantile-buckets.ts): every part labels
 * its rows with the same `gid` and key columns, so the parts join group by group.
 */
export type Key = 'vendor' | 'mon' | 'priority' | 'channel'
export const ALL_KEYS: Key[] = ['vendor', 'mon', 'priority', 'channel']
export const KEYS = ALL_KEYS.join(', ')
export const KEY_TYPES: Record<Key, string> = { ...DIMENSION_TYPES, mon: 'DATE' }

export const sameKeys = (a: Key[], b: Key[]) => a.length === b.length && a.every(k => b.includes(k))
export const ordered = (keys: Iterable<Key>) => { const s = new Set(keys); return ALL_KEYS.filter(k => s.has(k)) }

/** GROUPING(vendor, mon, priority, channel) of a grouping set: one bit per key left out, vendor the highest. */
export function gidOf(keys: Key[]): number {
  return ALL_KEYS.reduce((g, k, i) => g | (keys.includes(k) ? 0 : 1 << (ALL_KEYS.length - 1 - i)), 0)
}
export const GID = `GROUPING(${KEYS})::INTEGER AS gid`

/** gid and the four key columns; a key no set uses is a typed NULL (DuckDB refuses to select it). */
export function groupColumns(sets: Key[][]): string {
  const used = ordered(sets.flat())
  return `${gidColumn(sets)}, ${ALL_KEYS.map(k => (used.includes(k) ? k : `CAST(NULL AS ${KEY_TYPES[k]}) AS ${k}`)).join(', ')}`
}

/**
 * `gid` (as GROUPING over all four keys) for a query whose grouping sets may leave a key out
 * altogether, where DuckDB refuses GROUPING of it: GROUPING over the keys used, bits moved.
 */
function gidColumn(sets: Key[][]): string {
  const used = ordered(sets.flat())
  if (used.length === ALL_KEYS.length) return GID
  const full = (k: Key) => ALL_KEYS.length - 1 - ALL_KEYS.indexOf(k)
  const terms = ALL_KEYS.map((k) => {
    if (!used.includes(k)) return String(1 << full(k))
    const bit = used.length - 1 - used.indexOf(k)
    return `(((GROUPING(${used.join(', ')}) >> ${bit}) & 1) << ${full(k)})`
  })
  return `(${terms.join(' + ')})::INTEGER AS gid`
}

/** GROUPING SETS of these key sets, each with the same extra columns (not keys: `gid` ignores them). */
export const groupingSets = (sets: Key[][], extra: string[] = []) => `GROUPING SETS (${sets.map(k => `(${[...k, ...extra].join(', ')})`).join(', ')})`

/** Two rows of the same group: same gid and keys (NULL for a key the group has not). */
export const sameGroup = (x: string, y: string) => [`${x}.gid = ${y}.gid`, ...ALL_KEYS.map(k => `${x}.${k} IS NOT DISTINCT FROM ${y}.${k}`)].join(' AND ')
