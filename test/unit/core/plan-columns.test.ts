import type { Grid } from '../../../src/import/types'
import { describe, expect, it } from 'vitest'
import { locateTable } from '../../../src/core/locate-table'
import { mapTickets } from '../../../src/core/map-table'
import { importFile } from '../../../src/import/import-file'

const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi)
const enc = (text: string) => new TextEncoder().encode(text)

function map(rows: string[][], mapping?: Record<string, string>) {
  const grid: Grid = { format: 'csv', encoding: 'utf-8', sheets: [{ name: 'S', rows, rowNumbers: rows.map((_, i) => i + 1), rejected: [] }] }
  return mapTickets(locateTable(grid, mapping), { file: 'v_x.csv', defaultVendor: 'v', mapping })
}
const column = (r: ReturnType<typeof map>, header: string) => r.columns.find(c => c.header === header)!

describe('recognition by keyword, confirmed by content', () => {
  it('reads the export that used to load with every KPI "—" (单号, 发起时间, 答复时刻, 结单时刻, 级别)', async () => {
    const f = await importFile(enc('单号,发起时间,答复时刻,结单时刻,级别\nA1,2025-03-07 09:00,2025-03-07 09:20,2025-03-07 12:00,紧急\nA2,2025-03-07 10:00,2025-03-07 11:00,,低\n'), 'v_x.csv')
    const cols = f.report.columns!
    expect(cols.map(c => [c.header, c.field, c.how])).toEqual([
      ['单号', 'ticket_id', 'alias'], ['发起时间', 'created_at', 'alias'], ['答复时刻', 'first_response_at', 'keyword'],
      ['结单时刻', 'resolved_at', 'keyword'], ['级别', 'priority', 'alias'],
    ])
    expect(f.report.missing!.map(m => m.field)).toEqual(['reopen', 'satisfaction', 'channel', 'fault', 'customer'])
  })

  it('a keyword "time" column holding durations becomes the duration field, with its unit', () => {
    const r = map([
      ['编号', '创建时间', '响应时长', '处理耗时（小时）'],
      ['A', '2025-03-07 09:00', '1小时20分钟', '2,5'],
      ['B', '2025-03-07 10:00', '45分钟', '1'],
    ])
    expect(r.mapping).toMatchObject({ first_response_min: '响应时长', resolution_hours: '处理耗时（小时）' })
    expect(r.batch.first_response_at).toEqual([utc(2025, 3, 7, 10, 20), utc(2025, 3, 7, 10, 45)])
    expect(r.batch.resolved_at).toEqual([utc(2025, 3, 7, 11, 30), utc(2025, 3, 7, 11)])
    expect(column(r, '处理耗时（小时）').detected).toEqual(['unit: hours', 'decimal comma'])
  })

  it('reads text durations: 1h 20m, 01:20:00, 45分钟, and seconds from the header', () => {
    const r = map([
      ['Ticket ID', 'Created', 'First response time', 'Resolution time (seconds)'],
      ['A', '2025-03-07 09:00', '1h 20m', '3600'],
      ['B', '2025-03-07 09:00', '01:20:00', '90'],
      ['C', '2025-03-07 09:00', '45分钟', ''],
    ])
    expect(r.batch.first_response_at).toEqual([utc(2025, 3, 7, 10, 20), utc(2025, 3, 7, 10, 20), utc(2025, 3, 7, 9, 45)])
    expect(r.batch.resolved_at).toEqual([utc(2025, 3, 7, 10), utc(2025, 3, 7, 9, 1) + 30_000, null])
  })

  it('plain numbers under a header without a unit are not guessed', () => {
    const r = map([['Ticket ID', 'Created', 'Response time'], ['A', '2025-03-07 09:00', '12']])
    expect(r.mapping.first_response_min).toBeUndefined()
    expect(column(r, 'Response time').note).toContain('without a unit')
    expect(r.missing.map(m => m.field)).toContain('first_response')
  })

  it('a keyword timestamp before created_at is refused and said so', () => {
    const r = map([
      ['ID', '创建时间', '结单时刻'],
      ['A', '2025-03-07 09:00', '2025-03-01 09:00'],
      ['B', '2025-03-07 09:00', '2025-03-02 09:00'],
    ])
    expect(r.mapping.resolved_at).toBeUndefined()
    expect(column(r, '结单时刻').note).toMatch(/0 % of its times are at or after created_at/)
  })

  it('keeps the traps out: updated, due, SLA remaining, averages, business hours, waits', () => {
    const r = map([
      ['Ticket ID', 'Created', 'Updated', 'Due date', 'Time to resolution', 'SLA remaining (min)', 'Average response time (min)', 'Response time within business hours (minutes)', 'Requester wait time in minutes', '最后更新时间', '计划完成时间'],
      ['A', '2025-03-07 09:00', '2025-03-08 09:00', '2025-03-09 09:00', '-1h 20m', '30', '12', '5', '7', '2025-03-08 09:00', '2025-03-09 09:00'],
    ])
    expect(Object.keys(r.mapping).sort()).toEqual(['created_at', 'ticket_id'])
    for (const h of ['Updated', 'Due date', '最后更新时间', '计划完成时间']) expect(column(r, h).note, h).toMatch(/not a ticket time/)
  })

  it('finds priority, channel and satisfaction columns by their values alone', () => {
    const r = map([
      ['ID', 'Created', 'Stamp', 'Col A', 'Col B', 'Col C', 'Col D'],
      ['1', '2025-03-07 09:00', '2025-03-07 09:30', '紧急', '电话', '非常满意', 'x1'],
      ['2', '2025-03-07 10:00', '2025-03-07 10:30', '高', '微信', '不满意', 'x2'],
      ['3', '2025-03-07 11:00', '2025-03-07 11:30', '低', '邮件', '满意', 'x3'],
    ])
    // A column of times is not a column of numbered priority levels.
    expect(column(r, 'Stamp').field).toBeNull()
    expect(r.mapping).toMatchObject({ priority: 'Col A', channel: 'Col B', satisfaction: 'Col C' })
    expect(column(r, 'Col A').how).toBe('content')
    expect(r.batch.priority).toEqual(['P1', 'P2', 'P4'])
    expect(r.batch.satisfaction).toEqual([10, 4, 8])
    expect(column(r, 'Col D').field).toBeNull()
  })

  it('a repeated header takes the column with the most values and lists the other', () => {
    const r = map([
      ['Issue key', 'Created', 'Satisfaction', 'Satisfaction'],
      ['A', '2025-03-07 09:00', '', '4'],
      ['B', '2025-03-07 09:00', '', '5'],
    ])
    expect(r.columns.map(c => c.field)).toEqual(['ticket_id', 'created_at', null, 'satisfaction'])
    expect(r.columns[2]!.note).toMatch(/repeated header: column 4/)
    expect(r.batch.satisfaction).toEqual([8, 10])
  })

  it('names the satisfaction scale in the header: （百分制）, (1-5)', () => {
    const hundred = map([['ID', 'Created', '满意度（百分制）'], ['A', '2025-03-07 09:00', '8'], ['B', '2025-03-07 09:00', '10']])
    expect(hundred.batch.satisfaction).toEqual([0.8, 1])
    expect(column(hundred, '满意度（百分制）').detected[0]).toBe('scale: 0-100 (from the header)')
    const five = map([['ID', 'Created', 'CSAT (1-5)'], ['A', '2025-03-07 09:00', '4,5']])
    expect(five.batch.satisfaction).toEqual([9])
  })

  it('missing-value markers are empty: an open ticket with "?" is loaded, not rejected', () => {
    const r = map([
      ['ID', 'Created', 'Resolved', 'Satisfaction'],
      ['A', '2025-03-07 09:00', '?', '暂无'],
      ['B', '2025-03-07 09:00', 'N/A', 'NULL'],
      ['C', '2025-03-07 09:00', '无', '-'],
    ])
    expect(r.rejected).toEqual([])
    expect(r.batch.resolved_at).toEqual([null, null, null])
    expect(r.batch.satisfaction).toEqual([null, null, null])
  })

  it('a vendor column with no value in it counts as no vendor column', () => {
    const r = map([['ID', 'Created', 'Vendor'], ['A', '2025-03-07 09:00', ''], ['B', '2025-03-07 09:00', '—']])
    expect(r.vendorColumn).toBeNull()
    expect(r.batch.vendor).toEqual(['v', 'v'])
    expect(column(r, 'Vendor').note).toMatch(/empty in every row/)
  })

  it('reads dd.mm.yyyy dates and says how the dates are written', () => {
    const r = map([['Ticket ID', 'Created', 'Resolved'], ['A', '07.03.2025 09:05', '08.03.2025 10:00']])
    expect(r.batch.created_at).toEqual([utc(2025, 3, 7, 9, 5)])
    expect(column(r, 'Created').detected).toEqual(['dates: DD.MM.YYYY hh:mm'])
  })

  it('an explicit mapping is shown as the user\'s', () => {
    const r = map([['Ref', 'Stamp', 'Answered'], ['A', '2025-03-07 09:00', '2025-03-07 09:30']], { ticket_id: 'Ref', created_at: 'Stamp', first_response_at: 'Answered' })
    expect(r.columns.map(c => c.how)).toEqual(['mapping', 'mapping', 'mapping'])
  })
})

describe('table shapes', () => {
  it.each([[','], [';'], ['\t'], ['|']])('reads a %j-separated export with a title row and a group band above the header', async (sep) => {
    const text = [
      `售后服务工单导出${sep}${sep}${sep}`,
      `基本信息${sep}${sep}时间${sep}`,
      ['工单编号', '创建时间', '完成时间', '满意度'].join(sep),
      ['A1', '2025-03-07 09:00', '2025-03-07 10:00', '4,5'].join(sep),
    ].join('\n')
    const f = await importFile(enc(sep === ',' ? text.replace('4,5', '"4,5"') : text), 'v_x.csv')
    expect(f.report.error).toBeNull()
    expect(f.report.loaded).toBe(1)
    expect(f.report.columns!.map(c => c.field)).toEqual(['ticket_id', 'created_at', 'resolved_at', 'satisfaction'])
  })
})
