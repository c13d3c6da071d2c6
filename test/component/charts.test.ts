import type { ChartContext } from '../../src/charts/base'
import { describe, expect, it } from 'vitest'
import { durationInterval } from '../../src/charts/base'
import { resolveClick } from '../../src/charts/click'
import { escapeHtml, tooltipHtml } from '../../src/charts/escape'
import { heatmapSpec } from '../../src/charts/heatmap'
import { backlogSpec, recoverySpec } from '../../src/charts/resolution'
import { responseHistSpec, responseTrendSpec, slaPrioritySpec } from '../../src/charts/response'
import { categoriesSpec, channelMixSpec, csatDistSpec } from '../../src/charts/satisfaction'
import { radarSpec } from '../../src/charts/scorecard'
import { vendorColors } from '../../src/charts/theme'
import { vendorTrendSpec } from '../../src/charts/trend'
import { kpis, vendorRow, XSS } from './helpers/report'

const vendors = ['用友U9', XSS]
const ctx: ChartContext = { locale: 'zh', vendorColor: vendorColors(vendors), range: { from: '2026-11', to: '2026-11' } }
const vm = ['2026-10', '2026-11'].flatMap(month => vendors.map(vendor => ({ vendor, month, ...kpis({ fcr_rate: 0.9, first_response_p50_min: 20, first_response_p90_min: 300 }) })))

type Fmt = (p: unknown) => string
const tipOf = (o: unknown) => (o as { tooltip: { formatter: Fmt } }).tooltip.formatter

describe('tooltips escape data text', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
    const html = tooltipHtml(XSS, [{ name: XSS, value: '1', color: 'red;background:url(x)' }])
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('url(x)')
  })

  it('holds for the builders: a vendor named like a tag stays text', () => {
    const hist = responseHistSpec([{ vendor: XSS, bucket: 0, n: 3 }], vendors, ctx)
    const h = tipOf(hist.option)({ dataIndex: 1, seriesIndex: 0, seriesName: '≤15 分钟', color: '#fff', value: 100, name: XSS })
    expect(h).not.toContain('<img')
    const trend = vendorTrendSpec('fcr_rate', vm, vendors, ctx)
    const t = tipOf(trend.option)([{ dataIndex: 1, seriesIndex: 1, seriesName: XSS, color: '#fff', value: 0.9, name: '2026-11' }])
    expect(t).toContain('&lt;img')
    expect(t).toContain('90.0%')
    const cats = categoriesSpec([{ category: XSS, tickets: 3, resolution_avg_min: 90, faults: 1, csat_avg: null }], ctx)
    expect(tipOf(cats.option)([{ dataIndex: 0 }])).not.toContain('<img')
    const radar = radarSpec([vendorRow(XSS, 1)], ctx)
    expect(tipOf(radar.option)({ dataIndex: 0 })).not.toContain('<img')
  })
})

describe('option builders', () => {
  it('stack the response histogram as shares per vendor', () => {
    const spec = responseHistSpec([{ vendor: '用友U9', bucket: 0, n: 3 }, { vendor: '用友U9', bucket: 7, n: 1 }], vendors, ctx)
    const series = spec.option.series as { data: number[] }[]
    expect(series).toHaveLength(8)
    expect(series[0]!.data).toEqual([75, 0])
    expect(series[7]!.data).toEqual([25, 0])
  })

  it('draw P50 and P90 per vendor on two grids, months on the axis', () => {
    const spec = responseTrendSpec(vm, vendors, ctx)
    const series = spec.option.series as { name: string, xAxisIndex: number, data: (number | null)[] }[]
    expect(series.map(s => [s.name, s.xAxisIndex])).toEqual([['用友U9', 0], [XSS, 0], ['用友U9', 1], [XSS, 1]])
    expect(series[2]!.data).toEqual([300, 300])
  })

  it('leave NULL points as gaps, not zeros', () => {
    const rows = [{ vendor: '用友U9', month: '2026-10', ...kpis({ csat_avg: null }) }, { vendor: '用友U9', month: '2026-11', ...kpis({ csat_avg: 8 }) }]
    const spec = vendorTrendSpec('csat_avg', rows, ['用友U9'], ctx)
    expect((spec.option.series as { data: unknown[] }[])[0]!.data).toEqual([null, 8])
  })

  it('fill the 7×24 heat map', () => {
    const spec = heatmapSpec([{ dow: 1, hr: 9, tickets: 5, response_avg_min: 12, sla_response_rate: 1 }], ctx)
    const [tickets, response] = spec.option.series as { data: unknown[][] }[]
    expect(tickets!.data).toHaveLength(7 * 24)
    expect(tickets!.data).toContainEqual([9, 0, 5])
    expect(response!.data).toEqual([[9, 0, 12]])
  })

  it('build the rest without throwing, with data in', () => {
    const v = [vendorRow('用友U9', 1, { recovery_avg_min: 50, recovery_p90_min: 200 }, 80, { recovery_avg_min: 'excellent' })]
    expect((recoverySpec(v, ctx).option.series as unknown[]).length).toBe(2)
    expect((backlogSpec([{ day: '2026-11-01', created: 3, resolved: 1, backlog: 2 }], ctx).option.series as unknown[]).length).toBe(3)
    expect((slaPrioritySpec([{ priority: 'P1', ...kpis({ sla_response_rate: 0.5 }) }], ctx).option.series as unknown[]).length).toBe(2)
    expect((csatDistSpec([{ vendor: '用友U9', score: 10, n: 2 }], vendors, ctx).option.series as unknown[]).length).toBe(11)
    expect((channelMixSpec([{ vendor: '用友U9', channel: 'phone', n: 2 }], vendors, ctx).option.series as unknown[]).length).toBe(1)
  })
})

describe('chart clicks set filters', () => {
  it('map a point to its month and its vendor, an axis label to its value', () => {
    const spec = vendorTrendSpec('fcr_rate', vm, vendors, ctx)
    expect(resolveClick({ componentType: 'series', seriesIndex: 1, dataIndex: 0 }, spec.click)).toEqual({ month: '2026-10', vendor: XSS })
    expect(resolveClick({ componentType: 'xAxis', value: '2026-11' }, spec.click)).toEqual({ month: '2026-11' })
    expect(resolveClick({ componentType: 'grid', dataIndex: 1 }, spec.click)).toEqual({ month: '2026-11' })
    expect(resolveClick({ componentType: 'yAxis', value: '2026-11' }, spec.click)).toEqual({})
  })

  it('use raw values, never display labels', () => {
    const spec = slaPrioritySpec([{ priority: 'P1', ...kpis() }, { priority: 'P2', ...kpis() }], ctx)
    expect(resolveClick({ componentType: 'series', seriesIndex: 0, dataIndex: 1 }, spec.click)).toEqual({ priority: 'P2' })
    const mix = channelMixSpec([{ vendor: '用友U9', channel: 'wechat', n: 2 }], vendors, ctx)
    expect(resolveClick({ componentType: 'series', seriesIndex: 0, dataIndex: 0 }, mix.click)).toEqual({ vendor: '用友U9', channel: 'wechat' })
    expect(resolveClick({ componentType: 'series', seriesIndex: 0, dataIndex: 0 }, heatmapSpec([], ctx).click)).toEqual({})
  })
})

describe('duration axes', () => {
  it('step on whole minutes, hours or days', () => {
    expect(durationInterval([0, 47])).toBe(10)
    expect(durationInterval([1000])).toBe(240)
    expect(durationInterval([5000])).toBe(1440)
    expect(durationInterval([null])).toBeUndefined()
  })
})

describe('vendor colours', () => {
  it('stay with the vendor whatever the order', () => {
    const a = vendorColors(['b', 'a'])
    const b = vendorColors(['a', 'b'])
    expect(a('a')).toBe(b('a'))
    expect(a('a')).not.toBe(a('b'))
  })
})
