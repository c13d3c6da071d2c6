import type { ResolvedFilters } from './filter-sql'
import type { Key } from './grouping-sets'
import type { Bounds } from './quantile-buckets'
import { filterCond, where } from './filter-sql'
import { ALL_KEYS, gidOf, groupColumns, groupingSets, KEY_TYPES, ordered, sameKeys } from './grouping-sets'
import { bucketQuantilesSql } from './quantile-buckets'
import { QUANTILE_CACHE_TABLES } from './tickets-table'

export type { Key } from './grouping-sets'
export { ALL_KEYS, GID, gidOf, groupColumns, groupingSets, KEYS } from './grouping-sets'

/**
 * The exact quantiles of a report (quantile_cont, as the contract says) are its dearest
 * part: every grouping set collects every duration again, and nothing can be summed ahead
 * like kpi_cube. Three things keep that work down:
 *
 * 1. One state for both first-response quantiles (a list of fractions).
 * 2. Pinned keys: a key the filters pin to a single value (one vendor, one month, ...)
 *    splits no group, so grouping sets that differ only by pinned keys have the same
 *    groups. Each such class is computed once and its rows relabelled for the others.
 * 3. Cache tables over all tickets, made only by the wall's usual sequence: the first
 *    unfiltered report makes `kpi_quantiles_all` (the six sets it needs anyway); once that
 *    exists, a report filtered to one vendor or one month (nothing else) adds the two sets
 *    it lacks, (vendor|month × priority|channel), and reads everything from the caches.
 *    A one-shot filtered report (the CLI) never pays for a cache it would not reuse.
 *    Every cache goes with the next rebuild (tickets-table.ts).
 */

export type GroupKind = 'overall' | 'vendor' | 'month' | 'vendor_month' | 'priority' | 'channel'
export const GROUPS: { grp: GroupKind, keys: Key[] }[] = [
  { grp: 'overall', keys: [] }, { grp: 'vendor', keys: ['vendor'] }, { grp: 'month', keys: ['mon'] },
  { grp: 'vendor_month', keys: ['vendor', 'mon'] }, { grp: 'priority', keys: ['priority'] }, { grp: 'channel', keys: ['channel'] },
]
/** The grouping sets of these groups of the report. */
export const setsOf = (groups: GroupKind[]) => GROUPS.filter(g => groups.includes(g.grp)).map(g => g.keys)

/** Exact continuous quantiles; one state serves both first-response quantiles. */
export const QUANTILES = `quantile_cont(fr_min, [0.5, 0.9]) AS fr_q,
    quantile_cont(res_min, 0.9) AS res_p90,
    quantile_cont(rec_min, 0.9) AS rec_p90`
const QUANTILE_COLUMNS = 'fr_q, res_p90, rec_p90'

const CACHES: { table: string, sets: Key[][] }[] = [
  { table: QUANTILE_CACHE_TABLES.all, sets: GROUPS.map(g => g.keys) },
  { table: QUANTILE_CACHE_TABLES.vendor, sets: [['vendor', 'priority'], ['vendor', 'channel']] },
  { table: QUANTILE_CACHE_TABLES.month, sets: [['mon', 'priority'], ['mon', 'channel']] },
  { table: QUANTILE_CACHE_TABLES.cell, sets: [['vendor', 'mon', 'priority'], ['vendor', 'mon', 'channel']] },
]


/** Keys the filters pin to a single value: every filtered ticket has the same one. */
function pinnedKeys(f: ResolvedFilters): Set<Key> {
  const pinned = new Set<Key>()
  if (f.from && f.from === f.to) pinned.add('mon')
  for (const k of ['vendor', 'priority', 'channel'] as const) {
    if (new Set(f.codes[k] ?? []).size === 1) pinned.add(k)
  }
  return pinned
}

/** The report's six groups in classes of equal grouping; rep = the class's keys plus the pinned ones. */
function classes(pinned: Set<Key>, groups: GroupKind[] = GROUP_KINDS): { rep: Key[], members: Key[][] }[] {
  const byBase = new Map<string, Key[][]>()
  for (const g of GROUPS.filter(x => groups.includes(x.grp))) {
    const base = g.keys.filter(k => !pinned.has(k)).join(',')
    byBase.set(base, [...(byBase.get(base) ?? []), g.keys])
  }
  return [...byBase.values()].map(members => ({ rep: ordered([...members.flat(), ...pinned]), members }))
}

export const GROUP_KINDS: GroupKind[] = GROUPS.map(g => g.grp)

/**
 * Whether the quantiles of grouping set `rep` under these filters are those of the same
 * groups over all tickets: every filter either pins a key of `rep` or restricts one (a
 * month range restricts `mon`, a vendor list `vendor`): it then only drops whole groups.
 * A category filter cuts inside every group (no cache has category).
 */
function servable(f: ResolvedFilters, rep: Key[]): boolean {
  if (f.codes.category !== null) return false
  if ((f.from || f.to) && !rep.includes('mon')) return false
  return (['vendor', 'priority', 'channel'] as const).every(k => f.codes[k] === null || rep.includes(k))
}

const cacheOf = (rep: Key[]) => CACHES.find(x => x.sets.some(s => sameKeys(s, rep)))?.table ?? null

/**
 * The caches that serve some of these groups under these filters (the wall makes them on
 * first use, tickets-table.ts drops them with the next build); the rest is computed.
 */
export function servingCaches(f: ResolvedFilters, groups: GroupKind[] = GROUP_KINDS): string[] {
  const tables = classes(pinnedKeys(f), groups).filter(c => servable(f, c.rep)).map(c => cacheOf(c.rep))
  return [...new Set(tables.filter((t): t is string => t !== null))]
}

/** How many grouping sets of these groups under these filters have no cache to read: they are computed. */
export function computedSets(f: ResolvedFilters, groups: GroupKind[] = GROUP_KINDS): number {
  return classes(pinnedKeys(f), groups).filter(c => !servable(f, c.rep) || cacheOf(c.rep) === null).length
}

export function isUnfiltered(f: ResolvedFilters): boolean {
  return !f.from && !f.to && Object.values(f.codes).every(c => c === null)
}

/** The cache tables that hold every set these filters need; null when they need the tickets. */
export function quantileCachesFor(f: ResolvedFilters): string[] | null {
  if (f.codes.category !== null) return null
  if ((f.from || f.to) && f.from !== f.to) return null
  const pinned = pinnedKeys(f)
  for (const k of ['vendor', 'priority', 'channel'] as const) {
    if (f.codes[k] !== null && !pinned.has(k)) return null
  }
  const tables = new Set<string>()
  for (const c of classes(pinned)) {
    const cache = CACHES.find(x => x.sets.some(s => sameKeys(s, c.rep)))
    if (!cache) return null
    tables.add(cache.table)
  }
  return [...tables]
}

/** Makes a cache table over all tickets; a no-op when it exists. */
export function quantileCacheSql(table: string): string {
  const cache = CACHES.find(c => c.table === table)
  if (!cache) throw new Error(`not a quantile cache: ${table}`)
  return `CREATE TABLE IF NOT EXISTS ${cache.table} AS
SELECT ${groupColumns(cache.sets)},
  ${QUANTILES}
FROM tickets
GROUP BY ${groupingSets(cache.sets)}`
}

/**
 * Whether the first cache was made since the build: a flag in the build's one-row
 * tickets_meta, set by the unfiltered report (asking the catalog, duckdb_tables(), costs
 * 100 ms once an ENUM has tens of thousands of entries: it renders every table's DDL).
 */
export const QUANTILE_CACHE_MADE_SQL = 'SELECT quantile_cache AS made FROM tickets_meta'
export const QUANTILE_CACHE_MARK_SQL = 'UPDATE tickets_meta SET quantile_cache = true WHERE NOT quantile_cache'

/**
 * CTE `q`: gid, the four keys and the quantile columns for every group of the report.
 * `w`: the filter condition over tickets. `caches`: cache tables that exist (made by the
 * caller); each class of groups they serve (servable) is read from them, filtered like the
 * tickets (the filtered keys are keys of those rows), the others are computed: by bucket
 * selection when `buckets` (the bounds of a made kpi_qcube, quantile-buckets.ts) are given and
 * no category is filtered, else with quantile_cont over the filtered tickets.
 */
export function quantileCte(f: ResolvedFilters, w: string, caches: string[] | null, groups: GroupKind[] = GROUP_KINDS, buckets: Bounds | null = null): string {
  const pinned = pinnedKeys(f)
  const cls = classes(pinned, groups)
  const cached = (rep: Key[]) => {
    const t = cacheOf(rep)
    return t !== null && (caches ?? []).includes(t) && servable(f, rep) ? t : null
  }
  const parts: string[] = []
  for (const table of new Set(cls.map(c => cached(c.rep)).filter((t): t is string => t !== null))) {
    const gids = cls.filter(c => cached(c.rep) === table).map(c => gidOf(c.rep))
    parts.push(`SELECT * FROM ${table} ${where(`gid IN (${gids.join(', ')})`, filterCond(f))}`)
  }
  const computed = cls.filter(c => cached(c.rep) === null).map(c => c.rep)
  if (computed.length && buckets && f.codes.category === null) parts.push(bucketQuantilesSql(computed, w))
  else if (computed.length) {
    parts.push(`SELECT ${groupColumns(computed)},
    ${QUANTILES}
  FROM tickets ${where(w)}
  GROUP BY ${groupingSets(computed)}`)
  }
  const q0 = parts.join('\n  UNION ALL ')
  if (cls.every(c => c.members.length === 1 && sameKeys(c.members[0]!, c.rep))) return `q AS (\n  ${q0}\n)`
  const relabel = cls.flatMap(c => c.members.map(m => `SELECT ${gidOf(m)} AS gid, ${ALL_KEYS.map(k => (m.includes(k) ? k : `CAST(NULL AS ${KEY_TYPES[k]}) AS ${k}`)).join(', ')}, ${QUANTILE_COLUMNS}
  FROM q0 WHERE gid = ${gidOf(c.rep)}`))
  return `q0 AS (\n  ${q0}\n), q AS (\n  ${relabel.join('\n  UNION ALL ')}\n)`
}
