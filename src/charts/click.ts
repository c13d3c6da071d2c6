import type { ClickMap, FilterKind } from './base'

/** The parts of an ECharts event (or a click on the blank plot area) this needs. */
export interface ClickParams {
  componentType?: string
  seriesIndex?: number
  dataIndex?: number
  value?: unknown
}

export type ClickSelection = Partial<Record<FilterKind, string>>

/** What filter a click sets: a category (axis label, bar, grid column) and/or a series (a vendor's line). */
export function resolveClick(p: ClickParams, map: ClickMap | undefined): ClickSelection {
  const out: ClickSelection = {}
  if (!map) return out
  const cat = map.category
  if (p.componentType === 'series' || p.componentType === 'grid') {
    if (cat && p.dataIndex !== undefined) {
      const v = cat.values[p.dataIndex]
      if (v !== undefined) out[cat.kind] = v
    }
    if (map.series && p.seriesIndex !== undefined && p.componentType === 'series') {
      const v = map.series.values[p.seriesIndex]
      if (v !== undefined && v !== null) out[map.series.kind] = v
    }
  }
  else if ((p.componentType === 'xAxis' || p.componentType === 'yAxis') && cat && `${cat.axis}Axis` === p.componentType) {
    const v = String(p.value)
    if (cat.values.includes(v)) out[cat.kind] = v
  }
  return out
}
