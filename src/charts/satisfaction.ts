import type { EChartsOption } from 'echarts'
import type { WallExtras } from '../core/wall-types'
import type { ChartContext, ChartSpec } from './base'
import { translateOr } from '../i18n'
import { formatCount, formatDuration, formatNumber, formatRate } from '../i18n/format'
import { legend, tipList, tooltip, tr } from './base'
import { tooltipHtml } from './escape'
import { CHANNEL_COLORS, GRADE_COLORS, INK, SCORE_COLORS } from './theme'

type Shares = { vendors: readonly string[], keys: readonly string[], counts: number[][], totals: number[] }

function shares(rows: readonly { vendor: string, n: number }[], vendors: readonly string[], keys: readonly string[], keyOf: (r: never) => string): Shares {
  const counts = vendors.map(v => keys.map(k => rows.filter(r => r.vendor === v && keyOf(r as never) === k).reduce((s, r) => s + r.n, 0)))
  return { vendors, keys, counts, totals: counts.map(c => c.reduce((s, x) => s + x, 0)) }
}

/** 100 % stacked horizontal bars: one bar per vendor, one segment per key. */
function shareBars(s: Shares, ctx: ChartContext, names: string[], colors: string[], minLabel: number, seriesKind?: 'channel'): ChartSpec {
  const option: EChartsOption = {
    legend: legend(names, { itemGap: 14, textStyle: { fontSize: 14 } }),
    grid: { left: 8, right: 24, top: 60, bottom: 8, containLabel: true },
    tooltip: tooltip('item', (p: unknown) => {
      const q = tipList(p)[0]!
      const n = s.counts[q.dataIndex]?.[q.seriesIndex] ?? 0
      const tot = s.totals[q.dataIndex] ?? 0
      return tooltipHtml(s.vendors[q.dataIndex] ?? '', [{ color: q.color, name: q.seriesName, value: `${formatCount(ctx.locale, n)} · ${formatRate(ctx.locale, tot ? n / tot : null)}` }])
    }),
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: [...s.vendors], triggerEvent: true, axisLabel: { fontSize: 17, color: INK.text, width: 150, overflow: 'truncate' } },
    series: s.keys.map((_, k) => ({
      type: 'bar' as const, name: names[k], stack: 'share', barWidth: '56%', barMaxWidth: 56, itemStyle: { color: colors[k] },
      label: { show: true, color: '#08111f', fontSize: 13, fontWeight: 600, formatter: (p: { value: unknown }) => (Number(p.value) >= minLabel ? `${Math.round(Number(p.value))}%` : '') },
      data: s.counts.map((c, i) => (s.totals[i] ? (c[k] ?? 0) / s.totals[i]! * 100 : 0)),
    })),
  }
  return { option, click: { category: { kind: 'vendor', values: s.vendors, axis: 'y' }, ...(seriesKind ? { series: { kind: seriesKind, values: s.keys } } : {}) } }
}

/** Each vendor's ratings 0..10 as shares, red → green. */
export function csatDistSpec(rows: WallExtras['csat_dist'], vendors: readonly string[], ctx: ChartContext): ChartSpec {
  const keys = Array.from({ length: 11 }, (_, i) => String(i))
  const s = shares(rows, vendors, keys, (r: { score: number }) => String(r.score))
  return shareBars(s, ctx, keys.map(k => tr(ctx, 'sat.score', { n: k })), [...SCORE_COLORS], 8)
}

/** Each vendor's tickets by channel, as shares. */
export function channelMixSpec(rows: WallExtras['channel_mix'], vendors: readonly string[], ctx: ChartContext): ChartSpec {
  const known = Object.keys(CHANNEL_COLORS)
  const keys = [...new Set(rows.map(r => r.channel))].sort((a, b) => (known.indexOf(a) + 99 * +(known.indexOf(a) < 0)) - (known.indexOf(b) + 99 * +(known.indexOf(b) < 0)) || a.localeCompare(b))
  const s = shares(rows, vendors, keys, (r: { channel: string }) => r.channel)
  return shareBars(s, ctx, keys.map(k => translateOr(ctx.locale, `channel.${k}`, k)), keys.map(k => CHANNEL_COLORS[k] ?? INK.muted), 7, 'channel')
}

/** The largest categories: tickets, faults among them; resolution and CSAT in the tooltip and label. */
export function categoriesSpec(rows: WallExtras['categories'], ctx: ChartContext): ChartSpec {
  const names = rows.map(r => r.category)
  const option: EChartsOption = {
    legend: legend([tr(ctx, 'kpi.tickets'), tr(ctx, 'sat.faults')]),
    grid: { left: 8, right: 150, top: 52, bottom: 8, containLabel: true },
    tooltip: tooltip('axis', (p: unknown) => {
      const r = rows[tipList(p)[0]?.dataIndex ?? 0]
      return r
        ? tooltipHtml(r.category, [
            { name: tr(ctx, 'kpi.tickets'), value: formatCount(ctx.locale, r.tickets), color: '#4a86e8' },
            { name: tr(ctx, 'sat.faults'), value: formatCount(ctx.locale, r.faults), color: GRADE_COLORS.poor },
            { name: tr(ctx, 'kpi.resolution_avg_min'), value: formatDuration(ctx.locale, r.resolution_avg_min) },
            { name: tr(ctx, 'kpi.csat_avg'), value: formatNumber(ctx.locale, r.csat_avg, 1) },
          ])
        : ''
    }, { axisPointer: { type: 'shadow' } }),
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCount(ctx.locale, v) } },
    yAxis: { type: 'category', inverse: true, data: names, triggerEvent: true, axisLabel: { interval: 0, fontSize: 16, color: INK.text, width: 170, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: tr(ctx, 'kpi.tickets'), color: '#4a86e8', barWidth: '62%', itemStyle: { borderRadius: [0, 3, 3, 0] }, data: rows.map(r => r.tickets),
        label: { show: true, position: 'right', color: INK.muted, fontSize: 14, formatter: (p: { dataIndex: number }) => {
          const r = rows[p.dataIndex]
          return r ? `${formatCount(ctx.locale, r.tickets)}  ·  ${formatDuration(ctx.locale, r.resolution_avg_min)}` : ''
        } } },
      { type: 'bar', name: tr(ctx, 'sat.faults'), color: GRADE_COLORS.poor, barWidth: '62%', barGap: '-100%', data: rows.map(r => r.faults) },
    ],
  }
  return { option, click: { category: { kind: 'category', values: names, axis: 'y' } } }
}
