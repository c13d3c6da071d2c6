import type { EChartsOption } from 'echarts'
import type { WallExtras } from '../core/wall-types'
import type { ChartContext, ChartSpec } from './base'
import type { MessageKey } from '../i18n'
import { formatCount, formatDuration, formatDurationTick, formatRate } from '../i18n/format'
import { tipList, tooltip, tr } from './base'
import { tooltipHtml } from './escape'
import { INK } from './theme'

const HOURS = Array.from({ length: 24 }, (_, h) => String(h))
const DAYS = [1, 2, 3, 4, 5, 6, 7]

/** Weekday × hour: ticket volume (top) and average first response (bottom), 7×24. */
export function heatmapSpec(cells: WallExtras['heatmap'], ctx: ChartContext): ChartSpec {
  const at = new Map(cells.map(c => [`${c.dow}-${c.hr}`, c]))
  const days = DAYS.map(d => tr(ctx, `weekday.${d}` as MessageKey))
  const grid = (i: number) => ({ left: 56, right: 92, top: i ? '58%' : 30, height: '34%' })
  const tickets: [number, number, number][] = []
  const response: [number, number, number | null][] = []
  for (const d of DAYS) {
    for (let h = 0; h < 24; h++) {
      const c = at.get(`${d}-${h}`)
      tickets.push([h, d - 1, c?.tickets ?? 0])
      response.push([h, d - 1, c?.response_avg_min ?? null])
    }
  }
  const maxT = Math.max(1, ...tickets.map(t => t[2]))
  // A few slow night hours would wash out the scale: colour up to the 90th percentile, clamp above.
  const respValues = response.map(r => r[2]).filter((x): x is number => x !== null).sort((a, b) => a - b)
  const maxR = Math.max(60, respValues[Math.floor((respValues.length - 1) * 0.9)] ?? 60)
  const option: EChartsOption = {
    title: [
      { text: tr(ctx, 'response.heatTickets'), left: 0, top: 0, textStyle: { color: INK.muted, fontSize: 16, fontWeight: 600 } },
      { text: tr(ctx, 'response.heatResponse'), left: 0, top: '48%', textStyle: { color: INK.muted, fontSize: 16, fontWeight: 600 } },
    ],
    tooltip: tooltip('item', (p: unknown) => {
      const q = tipList(p)[0]!
      const [h, d] = q.value as [number, number]
      const c = at.get(`${d + 1}-${h}`)
      return tooltipHtml(`${days[d] ?? ''} ${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`, [
        { name: tr(ctx, 'kpi.tickets'), value: formatCount(ctx.locale, c?.tickets ?? 0) },
        { name: tr(ctx, 'kpi.first_response_avg_min'), value: formatDuration(ctx.locale, c?.response_avg_min) },
        { name: tr(ctx, 'kpi.sla_response_rate'), value: formatRate(ctx.locale, c?.sla_response_rate) },
      ])
    }),
    grid: [grid(0), grid(1)],
    xAxis: [0, 1].map(i => ({ type: 'category' as const, gridIndex: i, data: HOURS, splitArea: { show: false }, axisLabel: { show: i === 1, fontSize: 14, interval: 1 } })),
    yAxis: [0, 1].map(i => ({ type: 'category' as const, gridIndex: i, data: days, inverse: true, axisLabel: { fontSize: 14, interval: 0 } })),
    visualMap: [
      { seriesIndex: 0, min: 0, max: maxT, calculable: false, orient: 'vertical', right: 8, top: 30, itemHeight: 64, itemWidth: 12,
        text: [formatCount(ctx.locale, maxT), '0'], textStyle: { color: INK.muted, fontSize: 13 },
        inRange: { color: ['#0f1c33', '#134a7a', '#1f7fc2', '#3fb6ff', '#a9e4ff'] } },
      { seriesIndex: 1, min: 0, max: maxR, calculable: false, orient: 'vertical', right: 8, top: '58%', itemHeight: 64, itemWidth: 12,
        text: [`≥ ${formatDurationTick(ctx.locale, Math.round(maxR))}`, '0'], textStyle: { color: INK.muted, fontSize: 13 },
        inRange: { color: ['#1fbf75', '#9ccc4a', '#f5a524', '#f07a3a', '#f0524f'] }, outOfRange: { color: '#1a2438' } },
    ],
    series: [
      { type: 'heatmap', xAxisIndex: 0, yAxisIndex: 0, data: tickets, itemStyle: { borderColor: INK.panel, borderWidth: 2, borderRadius: 2 }, emphasis: { itemStyle: { borderColor: INK.text } } },
      { type: 'heatmap', xAxisIndex: 1, yAxisIndex: 1, data: response.filter(r => r[2] !== null).map(([h, d, v]) => [h, d, Math.min(v!, maxR)]), itemStyle: { borderColor: INK.panel, borderWidth: 2, borderRadius: 2 }, emphasis: { itemStyle: { borderColor: INK.text } } },
    ],
  }
  return { option }
}
