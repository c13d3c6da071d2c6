import type { Grade } from '../core/kpis'

/** The wall's palette. CSS mirrors it in src/styles/tokens.css. */
export const FONT = 'Barlow, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'

export const INK = {
  text: '#e6edf7',
  muted: '#8fa3c0',
  faint: '#5d7090',
  axis: '#2b3b58',
  split: 'rgba(130, 160, 210, 0.12)',
  panel: '#0d1729',
  tooltip: 'rgba(9, 16, 30, 0.96)',
  accent: '#3fb6ff',
} as const

export const GRADE_COLORS: Record<Grade, string> = {
  excellent: '#27d17f',
  common: '#2bb5d8',
  below: '#f5a524',
  poor: '#f0524f',
}

/** Vendors get a colour by their place in the (sorted) vendor list, the same on every page. */
export const VENDOR_PALETTE = ['#5b8cff', '#c084fc', '#22d3ee', '#f472b6', '#facc15', '#a3b8d6', '#fb923c', '#a3e635', '#67e8f9', '#e879f9'] as const

/** Fast → slow. */
export const BUCKET_COLORS = ['#1fbf75', '#5ad38f', '#2bb5d8', '#4a86e8', '#e9c146', '#f5a524', '#f07a3a', '#f0524f'] as const

/** Satisfaction 0 → 10, red → green. */
export const SCORE_COLORS = ['#b9313a', '#d13f3f', '#e4553f', '#ec6d3c', '#f08a38', '#f5a524', '#d9bd3a', '#9ccc4a', '#5ccf6a', '#2fcf7a', '#16b86a'] as const

export const CHANNEL_COLORS: Record<string, string> = {
  phone: '#5b8cff', im: '#22d3ee', ticket: '#c084fc', email: '#facc15', wechat: '#27d17f', onsite: '#fb923c', other: '#8fa3c0',
}

export function vendorColors(vendors: readonly string[]): (vendor: string) => string {
  const sorted = [...vendors].sort()
  return v => VENDOR_PALETTE[Math.max(0, sorted.indexOf(v)) % VENDOR_PALETTE.length]!
}

/** Registered once as the 'wall' theme: defaults every option builder can rely on. */
export const WALL_THEME = {
  color: [...VENDOR_PALETTE],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT, color: INK.text, fontSize: 16 },
  legend: { textStyle: { color: INK.muted, fontSize: 16 }, inactiveColor: INK.faint },
  categoryAxis: {
    axisLine: { lineStyle: { color: INK.axis } },
    axisTick: { show: false },
    axisLabel: { color: INK.muted, fontSize: 15 },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: INK.muted, fontSize: 15 },
    splitLine: { lineStyle: { color: INK.split } },
  },
  line: { symbolSize: 7, lineStyle: { width: 3 } },
}
