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

/** The page's Content-Security-Policy refused what a DOM snapshot needs. */
export class CspBlockedError extends Error {
  override name = 'CspBlockedError'
}

/**
 * A whole page (DOM with its SVG charts) as PNG (modern-screenshot). It draws the DOM through
 * an SVG image with inline styles, so the Content-Security-Policy must allow `img-src data:`
 * and `style-src 'unsafe-inline'`; when it does not, the picture would come out blank, and
 * the export fails with CspBlockedError instead. A node without size or content is refused.
 */
export async function elementPng(el: HTMLElement | null, what: string, opts: { width?: number, height?: number, background?: string, style?: Partial<CSSStyleDeclaration> } = {}): Promise<string> {
  const rect = el?.getBoundingClientRect()
  if (!el || !rect || rect.width < 1 || rect.height < 1 || el.childElementCount === 0) throw new BlankExportError(what)
  // A clone copies attributes, not the live selection: mark each select's chosen option (same selection).
  for (const sel of el.querySelectorAll('select')) {
    for (const o of sel.options) o.toggleAttribute('selected', o.selected)
  }
  const blocked: string[] = []
  const onViolation = (e: SecurityPolicyViolationEvent) => blocked.push(e.effectiveDirective)
  document.addEventListener('securitypolicyviolation', onViolation)
  try {
    const url = await domToPng(el, { width: opts.width, height: opts.height, scale: 1, backgroundColor: opts.background ?? null, style: opts.style })
    // Violation events are queued as tasks: let them arrive before deciding.
    await new Promise(resolve => setTimeout(resolve, 0))
    if (blocked.length) throw new CspBlockedError([...new Set(blocked)].join(', '))
    return url
  }
  catch (e) {
    await new Promise(resolve => setTimeout(resolve, 0))
    if (blocked.length && !(e instanceof CspBlockedError)) throw new CspBlockedError([...new Set(blocked)].join(', '))
    throw e
  }
  finally {
    document.removeEventListener('securitypolicyviolation', onViolation)
  }
}

export { downloadUrl } from '../layout/download'
