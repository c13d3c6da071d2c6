import type { Table } from '../../src/report/table'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ScrollBoard from '../../src/components/board/ScrollBoard.vue'
import ReportTable from '../../src/components/report/ReportTable.vue'
import { tableHtml } from '../../src/report/render-html'
import { numberCell, textCell } from '../../src/report/table'

const table: Table = {
  id: 'kpi',
  title: 'KPI',
  columns: [{ key: 'kpi', label: 'KPI' }, { key: 'A', label: '<b>A</b>', numeric: true }],
  rows: [
    { key: 'tickets', cells: [textCell('Tickets'), { ...numberCell(12, '12'), change: -3, changeText: '−3', tone: 'neutral' }] },
    { key: 'sla', cells: [textCell('<img src=x>'), { ...numberCell(0.95, '95.0%'), grade: 'excellent', change: 1.5, changeText: '+1.5 pp', tone: 'good' }] },
  ],
  empty: 'none',
}

function cells(root: ParentNode): string[][] {
  return [...root.querySelectorAll('td[data-col]')].map(td => [td.getAttribute('data-col') ?? '', td.getAttribute('data-value') ?? '', td.getAttribute('data-change') ?? '', td.className, td.textContent?.replace(/\s+/g, ' ').trim() ?? ''])
}

describe('report tables', () => {
  it('the wall\'s table and the CLI\'s HTML table have the same cells, classes and text', () => {
    const w = mount(ReportTable, { props: { table } })
    const cli = document.createElement('div')
    cli.innerHTML = tableHtml(table)
    expect(cells(w.element.parentNode ?? w.element)).toEqual(cells(cli))
    expect(cells(cli)).toHaveLength(4)
    expect(cli.querySelector('img')).toBeNull()
    expect(w.find('img').exists()).toBe(false)
  })
})

describe('the scroll board', () => {
  it('rolls only when the rows do not fit, pauses when hidden, and lets go of its listener', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ key: `r${i}`, cells: [textCell(`T${i}`), numberCell(i, String(i))] }))
    const add = vi.spyOn(document, 'addEventListener')
    const remove = vi.spyOn(document, 'removeEventListener')
    const w = mount(ScrollBoard, { props: { table: { ...table, rows } }, attachTo: document.body })
    // happy-dom lays nothing out: the viewport is 0 px high, so 30 rows do not fit
    await w.vm.$nextTick()
    expect(w.attributes('data-rolling')).toBe('true')
    expect(w.findAll('[data-testid="board-row"]')).toHaveLength(30)
    expect(w.findAll('.row[aria-hidden="true"]')).toHaveLength(30) // the second copy for a seamless loop
    expect(w.find('.roll').attributes('style')).toContain('running')
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
    document.dispatchEvent(new Event('visibilitychange'))
    await w.vm.$nextTick()
    expect(w.find('.roll').attributes('style')).toContain('paused')
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false })
    const handler = add.mock.calls.find(c => c[0] === 'visibilitychange')?.[1]
    w.unmount()
    expect(remove).toHaveBeenCalledWith('visibilitychange', handler)
  })

  it('shows the empty text and does not roll without rows', () => {
    const w = mount(ScrollBoard, { props: { table: { ...table, rows: [] } } })
    expect(w.attributes('data-rolling')).toBeUndefined()
    expect(w.text()).toContain('none')
  })
})

describe('PNG export of a chart', () => {
  it('refuses a chart that is not drawn, has no series or no size', async () => {
    const { BlankExportError, chartPng } = await import('../../src/components/chart/png-export')
    expect(() => chartPng(null, 800, 400, 'x')).toThrow(BlankExportError)
    expect(() => chartPng({ series: [] }, 800, 400, 'x')).toThrow(BlankExportError)
    expect(() => chartPng({ series: [{ type: 'line', data: [1] }] }, 0, 400, 'x')).toThrow(BlankExportError)
  })
})
