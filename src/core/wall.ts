import type { Engine } from './engine'
import type { Filters } from './filters'
import type { FilterOptions, WallExtras } from './wall-types'
import type { ResolvedFilters } from './sql/filter-sql'
import type { Source } from './sql/wall-queries'
import { resolveFilters } from './sql/filter-sql'
import { categoriesQuery, channelMixQuery, csatDistQuery, FILTER_OPTIONS_SQL, heatmapQuery, responseHistQuery } from './sql/wall-queries'

export async function computeWallExtras(engine: Engine, filters: Filters, asOfMs: number): Promise<WallExtras> {
  return wallExtras(engine, await resolveFilters(engine, filters), asOfMs)
}

/** The chart extras under filters already resolved. */
export async function wallExtras(engine: Engine, f: ResolvedFilters, asOfMs: number, src: Source = 'auto'): Promise<WallExtras> {
  const [response_hist, heatmap, csat_dist, channel_mix, categories] = await Promise.all([
    engine.query<WallExtras['response_hist'][number]>(responseHistQuery(f, src)),
    engine.query<WallExtras['heatmap'][number]>(heatmapQuery(f, asOfMs, src)),
    engine.query<WallExtras['csat_dist'][number]>(csatDistQuery(f, src)),
    engine.query<WallExtras['channel_mix'][number]>(channelMixQuery(f)),
    engine.query<WallExtras['categories'][number]>(categoriesQuery(f)),
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
