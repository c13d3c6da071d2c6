import type { Engine } from './engine'
import type { Filters } from './filters'
import type { FilterOptions, WallExtras } from './wall-types'
import { categoriesQuery, channelMixQuery, csatDistQuery, FILTER_OPTIONS_SQL, heatmapQuery, responseHistQuery } from './sql/wall-queries'

export async function computeWallExtras(engine: Engine, filters: Filters, asOfMs: number): Promise<WallExtras> {
  const run = <T>(q: { sql: string, params: readonly (string | number | boolean | null)[] }) => engine.query<T>(q.sql, q.params)
  const [response_hist, heatmap, csat_dist, channel_mix, categories] = await Promise.all([
    run<WallExtras['response_hist'][number]>(responseHistQuery(filters)),
    run<WallExtras['heatmap'][number]>(heatmapQuery(filters, asOfMs)),
    run<WallExtras['csat_dist'][number]>(csatDistQuery(filters)),
    run<WallExtras['channel_mix'][number]>(channelMixQuery(filters)),
    run<WallExtras['categories'][number]>(categoriesQuery(filters)),
  ])
  return { response_hist, heatmap, csat_dist, channel_mix, categories }
}

function strings(v: unknown): string[] {
  if (v === null || v === undefined) return []
  const arr = Array.isArray(v) ? v : Array.from(v as Iterable<unknown>)
  return arr.map(String)
}

export async function filterOptions(engine: Engine): Promise<FilterOptions> {
  const [r] = await engine.query(FILTER_OPTIONS_SQL)
  return {
    months: strings(r?.months),
    vendors: strings(r?.vendors),
    priorities: strings(r?.priorities),
    channels: strings(r?.channels),
    categories: strings(r?.categories),
  }
}
