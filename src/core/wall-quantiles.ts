import type { Engine, Row, SqlParam } from './engine'
import type { ResolvedFilters } from './sql/filter-sql'
import type { Bounds } from './sql/quantile-buckets'
import type { GroupKind } from './sql/quantiles'
import { filterCond } from './sql/filter-sql'
import { BOUNDS_SQL, bucketTablesSql, cleanBounds, ESTIMATE_BOUNDS_SQL, filteredTicketsSql } from './sql/quantile-buckets'
import { computedSets, QUANTILE_CACHE_MARK_SQL, quantileCacheSql, servingCaches } from './sql/quantiles'
import { QUANTILE_BOUND_COLUMNS, QUANTILE_CACHE_TABLES } from './sql/tickets-table'

/** One query of the batch: its filters and the groups it computes. */
export interface Need { f: ResolvedFilters, groups: GroupKind[] }

/**
 * Filtered tickets × computed grouping sets above which bucket selection is the cheaper way
 * to the exact quantiles; below it quantile_cont over the filtered tickets is. Measured at 1 M
 * tickets in Node (docs/performance.md): 920 k tickets × 4 sets 330 ms with quantile_cont, 110–225 ms
 * by buckets; 100 k × 2 sets 43 ms against 76 ms.
 */
export const BUCKETS_ABOVE = 500_000

/**
 * What the wall made and answered on one build of one engine (the build's random id, read with
 * as_of): the caches made, the bucket bounds, and the rows of the previous batch's queries.
 * A new build starts a new state, so nothing outlives the tables it came from.
 */
export interface BuildState { build: string, made: Set<string>, bounds: Bounds | null, last: Map<string, Row[]> }
const states = new WeakMap<Engine, BuildState>()

export function buildState(engine: Engine, build: string | null | undefined): BuildState {
  let s = states.get(engine)
  if (!s || !build || s.build !== build) {
    s = { build: build ?? '', made: new Set(), bounds: null, last: new Map() }
    if (build) states.set(engine, s)
  }
  return s
}

/** Makes the quantile caches these queries read where they serve (quantiles.ts); each once per build. */
async function makeCaches(engine: Engine, needs: Need[], st: BuildState): Promise<string[]> {
  const tables = [...new Set(needs.flatMap(n => servingCaches(n.f, n.groups)))]
  for (const t of tables.filter(t => !st.made.has(t))) {
    await engine.exec(quantileCacheSql(t))
    if (t === QUANTILE_CACHE_TABLES.all) await engine.exec(QUANTILE_CACHE_MARK_SQL)
    st.made.add(t)
  }
  return tables
}

/** The bounds of the quantile cube (quantile-buckets.ts), made the first time a batch needs it after a build. */
async function bucketBounds(engine: Engine, st: BuildState): Promise<Bounds> {
  if (st.bounds) return st.bounds
  const read = (row: Record<string, unknown>) => QUANTILE_BOUND_COLUMNS.map(c => cleanBounds(row[c]))
  const [made] = await engine.query(BOUNDS_SQL)
  if (made) return (st.bounds = read(made))
  const [estimate] = await engine.query(ESTIMATE_BOUNDS_SQL)
  const bounds = estimate ? read(estimate) : QUANTILE_BOUND_COLUMNS.map(() => [])
  for (const sql of bucketTablesSql(bounds)) await engine.exec(sql)
  return (st.bounds = bounds)
}

/**
 * Makes the bucket tables ahead of the first wide filter change, in the idle time after a load
 * (the wall's storage job, src/stores/dataset.ts), where the data set is large enough for a
 * full-range change to use them. Exact either way: only when they are made changes.
 */
export async function prepareBuckets(engine: Engine): Promise<void> {
  const [m] = await engine.query<{ build: string | null, n: number }>('SELECT build, (SELECT count(*) FROM tickets)::DOUBLE AS n FROM tickets_meta')
  if (!m?.build || m.n * 2 < BUCKETS_ABOVE) return
  await bucketBounds(engine, buildState(engine, m.build))
}

/**
 * The engine for a batch's read-only queries: a query whose SQL the previous batch ran too is
 * answered with that batch's rows (copies), since the build is the same and the SQL holds every
 * input (filters, as_of and settings are literals). A month change leaves the trend and the
 * backlog as they were, for example. `done` keeps this batch's rows for the next one.
 */
export function reusing(engine: Engine, st: BuildState): Engine & { done: () => void } {
  const used = new Map<string, Row[]>()
  const copy = <T>(rows: Row[]) => rows.map(r => ({ ...r })) as T[]
  return { ...engine, query: async <T = Row>(sql: string, params?: readonly SqlParam[]) => {
    if (params?.length || !st.build) return engine.query<T>(sql, params)
    const rows = used.get(sql) ?? st.last.get(sql) ?? await engine.query<Row>(sql)
    used.set(sql, rows)
    return copy<T>(rows)
  }, done: () => { st.last = used } }
}

/** Whether this query's computed quantiles are cheaper by buckets: many tickets, no category filter (no cube has it). */
async function wide(engine: Engine, n: Need): Promise<boolean> {
  const sets = computedSets(n.f, n.groups)
  if (sets === 0 || n.f.codes.category !== null) return false
  const [r] = await engine.query<{ n: number }>(filteredTicketsSql(filterCond(n.f)))
  return (r?.n ?? 0) * sets >= BUCKETS_ABOVE
}

/**
 * Where the batch's queries read their exact quantiles: the caches that serve, and per query
 * the bucket bounds when its computed groups are cheaper by buckets (null: quantile_cont).
 */
export async function quantileSources(engine: Engine, needs: Need[], st: BuildState): Promise<{ caches: string[], buckets: (Bounds | null)[] }> {
  const caches = await makeCaches(engine, needs, st)
  const buckets: (Bounds | null)[] = []
  for (const n of needs) buckets.push(await wide(engine, n) ? await bucketBounds(engine, st) : null)
  return { caches, buckets }
}
