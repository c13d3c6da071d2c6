import { describe, expect, it } from 'vitest'
import type { Grid, Sheet } from '../../../src/import/types'
import { locateTable } from '../../../src/core/locate-table'

function sheet(name: string, rows: string[][], firstRow = 1): Sheet {
  return { name, rows, rowNumbers: rows.map((_, i) => firstRow + i), rejected: [] }
}

function grid(...sheets: Sheet[]): Grid {
  return { format: 'xlsx', encoding: 'binary', sheets }
}

describe('locateTable', () => {
  it('skips a title row and a merged-cell row above a header on row 3', () => {
    const s = sheet('工单', [
      ['2025年3月 售后服务工单导出', '', '', ''],
      ['导出时间：2025-04-01', '', '', ''],
      ['工单编号', '创建时间', '优先级', '受理渠道'],
      ['A-1', '2025-03-07 09:05', '高', '电话'],
      ['A-2', '2025-03-08 10:00', '低', '邮件'],
    ])
    const t = locateTable(grid(s))
    expect(t.kind).toBe('tickets')
    expect(t.sheet).toBe('工单')
    expect(t.headerIndex).toBe(2)
    expect(t.headerRow).toBe(3)
    expect(t.headers).toEqual(['工单编号', '创建时间', '优先级', '受理渠道'])
    expect(t.rows).toHaveLength(2)
    expect(t.rowNumbers).toEqual([4, 5])
  })

  it('keeps the spreadsheet row numbers of the sheet (blank rows already dropped by the reader)', () => {
    const s: Sheet = { name: 'S', rows: [['Title'], ['Id', 'Created'], ['1', '2025-03-07']], rowNumbers: [1, 3, 6], rejected: [] }
    const t = locateTable(grid(s))
    expect(t.headerRow).toBe(3)
    expect(t.rowNumbers).toEqual([6])
  })

  it('picks the sheet holding the ticket table', () => {
    const notes = sheet('说明', [['本文件由系统导出'], ['字段说明', '含义'], ['工单编号', '唯一编号']])
    const data = sheet('数据', [['工单编号', '创建时间', '解决时间'], ['1', '2025-03-07', '2025-03-08']])
    const t = locateTable(grid(notes, data))
    expect(t.sheet).toBe('数据')
    expect(t.headerRow).toBe(1)
  })

  it('prefers a row with ticket_id and created_at over a row recognising more other targets', () => {
    const s = sheet('S', [
      ['Priority', 'Channel', 'Category', 'Status', 'Customer'],
      ['Id', 'Created', 'Priority'],
      ['1', '2025-03-07', 'High'],
    ])
    expect(locateTable(grid(s)).headerIndex).toBe(1)
  })

  it('uses an explicit mapping to find a header it alone names', () => {
    const s = sheet('S', [['Report'], ['Case', 'Logged on'], ['1', '2025-03-07']])
    const t = locateTable(grid(s), { ticket_id: 'Case', created_at: 'Logged on' })
    expect(t.kind).toBe('tickets')
    expect(t.headerRow).toBe(2)
  })

  it('detects a training-records table when there is no ticket table', () => {
    const s = sheet('培训', [['2025 培训签到表'], ['序号', '参训人', '厂商', '培训日期'], ['1', '张三', '用友U9', '2025-03-07']])
    const t = locateTable(grid(s))
    expect(t.kind).toBe('training')
    expect(t.headerRow).toBe(2)
    expect(t.rows).toEqual([['1', '张三', '用友U9', '2025-03-07']])
  })

  it('returns the best partial header when nothing is complete, for the mapping error to show', () => {
    const s = sheet('S', [['Case', 'Subject', 'Priority'], ['1', 'x', 'High']])
    const t = locateTable(grid(s))
    expect(t.kind).toBe('tickets')
    expect(t.headers).toEqual(['Case', 'Subject', 'Priority'])
  })

  it('copes with a file without rows or sheets', () => {
    expect(locateTable(grid()).headers).toEqual([])
    expect(locateTable(grid(sheet('S', []))).headers).toEqual([])
  })

  it('passes on the reader rejections below the header only', () => {
    const s = sheet('S', [['Title'], ['Id', 'Created'], ['1', '2025-03-07']])
    s.rejected = [{ row: 1, reason: 'above' }, { row: 5, reason: 'unterminated quote' }]
    expect(locateTable(grid(s)).readerRejected).toEqual([{ row: 5, reason: 'unterminated quote' }])
  })

  it('carries the workbook date system', () => {
    const g = grid(sheet('S', [['Id', 'Created']]))
    g.date1904 = true
    expect(locateTable(g).date1904).toBe(true)
  })
})

describe('locateTable without a complete header', () => {
  it('does not take a data row holding a status word for the header', () => {
    const s = sheet('S', [['Export'], ['Case', 'Subject', 'State'], ['1', 'Printer', 'Closed'], ['2', 'Login', 'Closed']])
    const t = locateTable(grid(s))
    expect(t.headers).toEqual(['Case', 'Subject', 'State'])
    expect(t.headerRow).toBe(2)
  })
  it('trusts a partial header naming several targets', () => {
    const s = sheet('S', [['Case', 'Logged', 'Priority', 'Category', 'Customer'], ['1', 'x', 'High', 'Closed', 'y']])
    expect(locateTable(grid(s)).headerRow).toBe(1)
  })
})
