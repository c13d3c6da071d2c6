import type { EChartsOption } from 'echarts'
import { domToPng } from 'modern-screenshot'
import { echarts } from '../../charts/setup'

/** An export that would be blank fails with this (the message says what was not ready). */
export class BlankExportError extends Error {
  override name = 'BlankExportError'
}

/**
 * A chart as PNG: the chart's own option drawn once more by ECharts' canvas renderer at twice
 * the size (getDataURL), off screen. No image element is involved, so no img-src is needed.
 * Blank when the chart has no size or no series yet: refused.
 */
export function chartPng(option: EChartsOption | null, width: number, height: number, what: string, background = '#060c18', theme?: string): string {
  const series = option?.series
  const drawn = Array.isArray(series) ? series.length > 0 : !!series
  if (!option || !drawn || width < 1 || height < 1) throw new BlankExportError(what)
  const box = document.createElement('div')
  const c = echarts.init(box, theme, { renderer: 'canvas', width, height })
  try {
    c.setOption({ ...option, animation: false })
    return c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background })
  }
  finally {
    c.dispose()
  }
}

/**
 * A whole page (DOM with its SVG charts) as PNG (modern-screenshot: the DOM is drawn through an
 * SVG image, which needs img-src data: in the Content-Security-Policy). A node without size,
 * or without any drawn content, is refused.
 */
export async function elementPng(el: HTMLElement | null, what: string, opts: { width?: number, height?: number, background?: string, style?: Partial<CSSStyleDeclaration> } = {}): Promise<string> {
  const rect = el?.getBoundingClientRect()
  if (!el || !rect || rect.width < 1 || rect.height < 1 || el.childElementCount === 0) throw new BlankExportError(what)
  return domToPng(el, { width: opts.width, height: opts.height, scale: 1, backgroundColor: opts.background ?? null, style: opts.style })
}

export { downloadUrl } from '../layout/download'
