import type { Locale } from '../i18n/messages'
import type { MonthlyModel } from './monthly-model'
import type { Cell, Table } from './table'
import { translate } from '../i18n/messages'

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, c => ESC[c]!)
}

/** A CSS string literal: quotes and backslashes escaped, '<' as an escape so no '</style>' can appear. */
function cssString(s: string): string {
  return `"${s.replace(/[\\"<\n\r]/g, c => `\\${c.charCodeAt(0).toString(16)} `)}"`
}

/** The printed footer: the report's title on every page, beside the page numbers of the stylesheet. */
export function pageFooterCss(title: string): string {
  return `@page { @bottom-left { content: ${cssString(title)}; font-size: 9pt; color: #4a5668; } }`
}

/** data-value: the raw value exactly; '' for none. The wall's cells carry the same attributes. */
export function rawAttr(v: Cell['value'] | undefined): string {
  return v === null || v === undefined ? '' : String(v)
}

function cellHtml(c: Cell, key: string, numeric: boolean): string {
  const grade = c.grade ? `<span class="g g-${c.grade}" title="${esc(c.grade)}"></span>` : ''
  const change = c.changeText !== undefined ? `<span class="chg tone-${c.tone ?? 'neutral'}">${esc(c.changeText)}</span>` : ''
  const tone = c.changeText === undefined && c.tone ? ` tone-${c.tone}` : ''
  const attrs = `data-col="${esc(key)}" data-value="${esc(rawAttr(c.value))}"${c.change !== undefined ? ` data-change="${esc(rawAttr(c.change))}"` : ''}`
  return `<td class="${numeric ? 'n' : 't'}${tone}" ${attrs}><span class="v">${esc(c.text)}</span>${grade}${change}</td>`
}

export function tableHtml(t: Table): string {
  const head = t.columns.map(c => `<th class="${c.numeric ? 'n' : 't'}">${esc(c.label)}</th>`).join('')
  const body = t.rows.length
    ? t.rows.map(r => `<tr data-row="${esc(r.key)}">${r.cells.map((c, i) => cellHtml(c, t.columns[i]?.key ?? '', !!t.columns[i]?.numeric)).join('')}</tr>`).join('\n')
    : `<tr><td class="mr-empty" colspan="${t.columns.length}">${esc(t.empty)}</td></tr>`
  return `<table class="rt" data-table="${esc(t.id)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

function block(t: Table, extra = ''): string {
  return `<section class="mr-block" data-block="${esc(t.id)}"><h2>${esc(t.title)}</h2>${extra}${tableHtml(t)}</section>`
}

/**
 * The whole monthly report as one self-contained HTML document: the stylesheet inline, the
 * chart as inline SVG (made by ECharts' server-side renderer), no script, nothing fetched.
 * Fonts come from the reader's system through the font-family stack.
 */
export function renderMonthlyHtml(m: MonthlyModel, l: Locale, css: string, trendSvg: string, notes = ''): string {
  const notesBlock = notes.trim() ? `<section class="mr-block"><h2>${esc(translate(l, 'report.notes'))}</h2><div class="mr-notes-text">${esc(notes)}</div></section>` : ''
  return `<!doctype html>
<html lang="${l === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.title)}</title>
<style>
${css}
${pageFooterCss(m.title)}
body { margin: 0; background: #fff; }
</style>
</head>
<body>
<article class="monthly-report" data-month="${esc(m.month)}">
<h1>${esc(m.title)}</h1>
<p class="mr-sub">${esc(m.subtitle)}</p>
<p class="mr-prov">${esc(m.provenance)}</p>
${block(m.kpi)}
${block(m.ranking)}
${block(m.trend, `<div class="mr-chart">${trendSvg}</div>`)}
${m.worst.map(t => block(t)).join('\n')}
${block(m.categories)}
<section class="mr-block" data-block="provenance"><h2>${esc(translate(l, 'report.provenance'))}</h2>${tableHtml(m.files)}<h2>${esc(m.unknown.title)}</h2>${tableHtml(m.unknown)}</section>
${notesBlock}
</article>
</body>
</html>
`
}
