import type { EChartsOption } from 'echarts'
import type { MonthlyReport } from '../core/monthly-types'
import type { Locale } from '../i18n/messages'
import { formatNumber } from '../i18n/format'

/** Colours that read on white paper, in the order vendors sort (the same vendor, the same colour). */
export const PAPER_PALETTE = ['#2f5fd0', '#8b3fd1', '#0e8fa3', '#c2377e', '#b07d00', '#4a5d78', '#d0611b', '#5b8a00', '#1b7fb8', '#a23fb0'] as const
export const PAPER_FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", Barlow, sans-serif'

/**
 * Each vendor's monthly score over the report's trend months, for paper: light, no animation
 * (a printed or server-rendered chart is drawn once), fixed 0–100 axis so months compare.
 */
export function scoreTrendOption(r: MonthlyReport, l: Locale): EChartsOption {
  const vendors = [...new Set([...r.current.vendors.map(v => v.vendor), ...r.trend.map(p => p.vendor)])].sort()
  const score = new Map(r.trend.map(p => [`${p.vendor}\u0000${p.month}`, p.score]))
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: PAPER_FONT, color: '#1d2733' },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, icon: 'roundRect', textStyle: { color: '#1d2733', fontSize: 12 } },
    grid: { left: 36, right: 16, top: 34, bottom: 24 },
    xAxis: { type: 'category', data: r.trend_months.map(m => m.slice(2)), axisLine: { lineStyle: { color: '#9aa7b8' } }, axisTick: { show: false }, axisLabel: { color: '#4a5668', fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { color: '#4a5668', fontSize: 11, formatter: (v: number) => formatNumber(l, v, 0) }, splitLine: { lineStyle: { color: '#e3e8ef' } } },
    series: vendors.map((v, i) => ({
      type: 'line' as const, name: v, connectNulls: false, symbolSize: 5, lineStyle: { width: 2 },
      color: PAPER_PALETTE[i % PAPER_PALETTE.length],
      data: r.trend_months.map(m => score.get(`${v}\u0000${m}`) ?? null),
    })),
  }
}
