const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

/** ECharts renders tooltips as HTML: every piece of data text goes through here first. */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, c => ENTITIES[c]!)
}

const SAFE_COLOR = /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))$/i

export interface TooltipRow {
  color?: string
  name: string
  value: string
}

/** A tooltip's HTML from plain text: title, then one line per row with a colour dot. */
export function tooltipHtml(title: string, rows: readonly TooltipRow[]): string {
  const lines = rows.map((r) => {
    // An SVG fill, not a style attribute: the page's CSP (no 'unsafe-inline') blocks inline styles in HTML.
    const dot = r.color && SAFE_COLOR.test(r.color) ? `<svg class="tt-dot" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill="${r.color}"/></svg>` : ''
    return `<div class="tt-row">${dot}<span class="tt-name">${escapeHtml(r.name)}</span><span class="tt-value">${escapeHtml(r.value)}</span></div>`
  })
  return `<div class="tt"><div class="tt-title">${escapeHtml(title)}</div>${lines.join('')}</div>`
}
