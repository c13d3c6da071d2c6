import { describe, expect, it } from 'vitest'
import type { Grid } from '../../../src/import/types'
import { locateTable } from '../../../src/core/locate-table'
import type { LocatedTable } from '../../../src/core/locate-table'
import { defaultVendorFromFileName, MappingError, mapTickets, mapTraining } from '../../../src/core/map-table'
import type { MapTicketsOptions } from '../../../src/core/map-table'

const FILE = '金蝶云星辰_服务单.csv'
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s)

function table(rows: string[][], extra: Partial<Grid> = {}): LocatedTable {
  return locateTable({
    format: 'csv', encoding: 'utf-8', ...extra,
    sheets: [{ name: 'S', rows, rowNumbers: rows.map((_, i) => i + 1), rejected: [] }],
  })
}

function map(rows: string[][], opts: Partial<MapTicketsOptions> = {}) {
  return mapTickets(table(rows), { file: FILE, defaultVendor: '金蝶云星辰', ...opts })
}

describe('mapTickets', () => {
  it('maps a Chinese export to canonical tickets', () => {
    const { batch, rejected, mapping } = map([
      ['工单编号', '创建时间', '首次响应时间', '解决时间', '优先级', '受理渠道', '问题分类', '工单类型', '是否重开', '满意度', '提交人'],
      [' A-1 ', '2025-03-07 09:05', '2025-03-07 09:20', '2025-03-07 11:05', '紧急', '电话', '登录', '故障', '否', '5', '行政部'],
      ['A-2', '2025/3/8 10:00', '', '', '', '', '', '咨询', '是', '', ''],
    ])
    expect(rejected).toEqual([])
    expect(mapping.category).toBe('问题分类')
    expect(batch.length).toBe(2)
    expect(batch.ticket_id).toEqual(['A-1', 'A-2'])
    expect(batch.vendor).toEqual(['金蝶云星辰', '金蝶云星辰'])
    expect(batch.created_at).toEqual([utc(2025, 3, 7, 9, 5), utc(2025, 3, 8, 10)])
    expect(batch.first_response_at).toEqual([utc(2025, 3, 7, 9, 20), null])
    expect(batch.resolved_at).toEqual([utc(2025, 3, 7, 11, 5), null])
    expect(batch.recovered_at).toEqual([null, null])
    expect(batch.priority).toEqual(['P1', 'P3'])
    expect(batch.channel).toEqual(['phone', null])
    expect(batch.category).toEqual(['登录', null])
    expect(batch.is_fault).toEqual([true, false])
    expect(batch.reopen_count).toEqual([0, 1])
    expect(batch.satisfaction).toEqual([10, null])
    expect(batch.customer).toEqual(['行政部', null])
    expect(batch.row).toEqual([2, 3])
    expect(batch.known).toEqual({
      first_response: true, resolved: true, reopen: true, satisfaction: true, channel: true, fault: true, customer: true, category: true,
    })
  })

  it('marks fields the file does not carry as unknown', () => {
    const { batch } = map([['Id', 'Created'], ['1', '2025-03-07']])
    expect(batch.known).toEqual({
      first_response: false, resolved: false, reopen: false, satisfaction: false, channel: false, fault: false, customer: false, category: false,
    })
    expect(batch.priority).toEqual(['P3'])
    expect(batch.reopen_count).toEqual([null])
    expect(batch.is_fault).toEqual([null])
    expect(batch.channel).toEqual([null])
  })

  it('derives first response and resolution from Zendesk minutes and Freshdesk hours', () => {
    const zendesk = map([
      ['Id', 'Created at', 'First reply time in minutes', 'Full resolution time in minutes', 'Reopens'],
      ['1', '2025-03-07 09:00:00', '30', '1440', '2'],
      ['2', '2025-03-07 09:00:00', '', '', ''],
    ])
    expect(zendesk.batch.first_response_at).toEqual([utc(2025, 3, 7, 9, 30), null])
    expect(zendesk.batch.resolved_at).toEqual([utc(2025, 3, 8, 9), null])
    expect(zendesk.batch.reopen_count).toEqual([2, 0])
    expect(zendesk.batch.known.first_response).toBe(true)

    const freshdesk = map([
      ['Ticket ID', 'Created time', 'First response time (in hrs)', 'Resolution time (in hrs)'],
      ['1', '2025-03-07 09:00:00', '0.25', '02:30:00'],
    ])
    expect(freshdesk.batch.first_response_at).toEqual([utc(2025, 3, 7, 9, 15)])
    expect(freshdesk.batch.resolved_at).toEqual([utc(2025, 3, 7, 11, 30)])
  })

  it('prefers the timestamp cell and falls back to the duration where it is empty', () => {
    const { batch } = map([
      ['Ticket ID', 'Created time', 'Initial response time', 'First response time (in hrs)'],
      ['1', '2025-03-07 09:00', '2025-03-07 09:10', '5'],
      ['2', '2025-03-07 09:00', '', '1'],
    ])
    expect(batch.first_response_at).toEqual([utc(2025, 3, 7, 9, 10), utc(2025, 3, 7, 10)])
  })

  describe('rejects rows', () => {
    const header = ['工单编号', '创建时间', '首次响应时间', '解决时间', '故障恢复时间', '首次响应时长(分钟)']
    const { batch, rejected } = map([
      header,
      ['', '2025-03-07 09:00', '', '', '', ''],
      ['T2', '', '', '', '', ''],
      ['T3', '2025-13-01', '', '', '', ''],
      ['T4', '2025-03-07 09:00', '2025-03-07 08:00', '', '', ''],
      ['T5', '2025-03-07 09:00', '', '2025-03-06', '', ''],
      ['T6', '2025-03-07 09:00', 'soon', '', '', ''],
      ['T7', '2025-03-07 09:00', '', '', 'yesterday', ''],
      ['T8', '2025-03-07 09:00', '', '', '', 'ten'],
      ['T9', '2025-03-07 09:00', '', '', '', '', 'extra'],
      ['T10', '2025-03-07 09:00', '', '', '', '-5'],
      ['T11', '2025-03-07 09:00', '', '', '', '', '', ''],
      ['T12', '2025-03-07 09:00', '', '2025-03-08', '2025-03-01', ''],
    ])
    it('with file, spreadsheet row number and a reason naming the column and value', () => {
      expect(rejected).toEqual([
        { file: FILE, row: 2, reason: 'ticket_id is empty (column "工单编号")' },
        { file: FILE, row: 3, reason: 'created_at is empty (column "创建时间")' },
        { file: FILE, row: 4, reason: 'created_at "2025-13-01" is not a date (column "创建时间")' },
        { file: FILE, row: 5, reason: 'first_response_at "2025-03-07 08:00" is before created_at "2025-03-07 09:00"' },
        { file: FILE, row: 6, reason: 'resolved_at "2025-03-06" is before created_at "2025-03-07 09:00"' },
        { file: FILE, row: 7, reason: 'first_response_at "soon" is not a date (column "首次响应时间")' },
        { file: FILE, row: 8, reason: 'recovered_at "yesterday" is not a date (column "故障恢复时间")' },
        { file: FILE, row: 9, reason: 'first_response_min "ten" is not a duration (column "首次响应时长(分钟)")' },
        { file: FILE, row: 10, reason: 'row has 7 cells, the header has 6' },
        { file: FILE, row: 11, reason: 'first_response_min "-5" is not a duration (column "首次响应时长(分钟)")' },
      ])
    })
    it('and still loads the other rows', () => {
      expect(batch.ticket_id).toEqual(['T11', 'T12'])
      expect(batch.row).toEqual([12, 13])
    })
    it('ignores a recovered_at before created_at', () => {
      expect(batch.recovered_at).toEqual([null, null])
    })
  })

  it('reads fewer cells than the header as empty', () => {
    const { batch, rejected } = map([['Id', 'Created', 'Resolved', 'Priority'], ['1', '2025-03-07']])
    expect(rejected).toEqual([])
    expect(batch.resolved_at).toEqual([null])
  })

  it('skips a row of blank cells without rejecting it', () => {
    const { batch, rejected } = map([['Id', 'Created'], ['1', '2025-03-07'], [' ', '  '], ['2', '2025-03-08']])
    expect(rejected).toEqual([])
    expect(batch.row).toEqual([2, 4])
  })

  it('lists a repeated header row as rejected, not as a ticket', () => {
    const { batch, rejected } = map([['Id', 'Created'], ['1', '2025-03-07'], ['Id', 'Created'], ['2', '2025-03-08']])
    expect(rejected.map(r => [r.row, r.reason])).toEqual([[3, 'repeats the header row']])
    expect(batch.ticket_id).toEqual(['1', '2'])
  })

  it('takes the vendor from its column and falls back to the default vendor', () => {
    const { batch } = map([['厂商', '工单编号', '创建时间'], ['用友U9', '1', '2025-03-07'], ['', '2', '2025-03-07']])
    expect(batch.vendor).toEqual(['用友U9', '金蝶云星辰'])
  })

  it('reads slash dates day-first when the file shows a day over 12', () => {
    const { batch } = map([['Id', 'Created'], ['1', '3/7/2025'], ['2', '13/7/2025']])
    expect(batch.created_at).toEqual([utc(2025, 7, 3), utc(2025, 7, 13)])
    const us = map([['Id', 'Created'], ['1', '3/7/2025'], ['2', '3/13/2025']])
    expect(us.batch.created_at).toEqual([utc(2025, 3, 7), utc(2025, 3, 13)])
  })

  it('reads Excel serials in the workbook date system', () => {
    const rows = [['Id', 'Created'], ['1', '45723.378472']]
    expect(map(rows).batch.created_at).toEqual([utc(2025, 3, 7, 9, 5)])
    const located = table(rows, { date1904: true })
    expect(mapTickets(located, { file: FILE, defaultVendor: 'x' }).batch.created_at).toEqual([utc(2029, 3, 8, 9, 5)])
    expect(map([['Id', 'Created'], ['1', '44261.378472']], { date1904: true }).batch.created_at).toEqual([utc(2025, 3, 7, 9, 5)])
  })

  describe('satisfaction scale per column', () => {
    const sat = (values: string[], opts: Partial<MapTicketsOptions> = {}) =>
      map([['Id', 'Created', 'Satisfaction'], ...values.map((v, i) => [String(i), '2025-03-07', v])], opts)
    it('doubles a 1..5 integer column', () => {
      const r = sat(['1', '5', '3', '', 'offered'])
      expect(r.satisfactionScale).toBe('1-5')
      expect(r.batch.satisfaction).toEqual([2, 10, 6, null, null])
    })
    it('takes a 1..5 column with a 4.5 as 0..10', () => {
      const r = sat(['1', '5', '4.5'])
      expect(r.satisfactionScale).toBe('0-10')
      expect(r.batch.satisfaction).toEqual([1, 5, 4.5])
    })
    it('divides a 0..100 column by 10', () => {
      const r = sat(['80', '100', '95'])
      expect(r.satisfactionScale).toBe('0-100')
      expect(r.batch.satisfaction).toEqual([8, 10, 9.5])
    })
    it('maps labels whatever the scale, and leaves unknown values unrated with a warning', () => {
      const r = sat(['Good', 'Bad', 'Not Offered', '非常满意', 'meh'])
      expect(r.batch.satisfaction).toEqual([10, 0, null, 10, null])
      expect(r.warnings).toEqual(['satisfaction: 1 value not understood and left empty, e.g. "meh" on row 6'])
    })
    it('leaves a number outside the scale unrated with a warning', () => {
      const r = sat(['1', '7', '4'], { satisfactionScale: '1-5' })
      expect(r.batch.satisfaction).toEqual([2, null, 8])
      expect(r.warnings).toEqual(['satisfaction: 1 value not understood and left empty, e.g. "7" on row 3'])
      expect(sat(['150', '20']).batch.satisfaction).toEqual([null, null])
    })
    it('lets the user override the detected scale', () => {
      const r = sat(['1', '5', '3'], { satisfactionScale: '0-10' })
      expect(r.satisfactionScale).toBe('0-10')
      expect(r.batch.satisfaction).toEqual([1, 5, 3])
    })
  })

  it('decides is_fault from an is_fault column first, then the category and type text', () => {
    const { batch } = map([
      ['Id', 'Created', 'Subcategory', 'Category', '是否故障'],
      ['1', '2025-03-07', 'Login', 'Incident', ''],
      ['2', '2025-03-07', 'Outage', 'Request', ''],
      ['3', '2025-03-07', 'Login', 'Request', '是'],
      ['4', '2025-03-07', 'Login', 'Incident', '否'],
      ['5', '2025-03-07', 'Login', 'Request', ''],
    ])
    expect(batch.is_fault).toEqual([true, true, true, false, false])
    expect(batch.category).toEqual(['Login', 'Outage', 'Login', 'Login', 'Login'])
  })

  it('lets an explicit mapping override recognition', () => {
    const rows = [['Id', 'Case', 'Created', 'Logged'], ['x', 'C-1', '2025-01-01', '2025-03-07 09:05']]
    const r = map(rows, { mapping: { ticket_id: 'Case', created_at: 'Logged' } })
    expect(r.batch.ticket_id).toEqual(['C-1'])
    expect(r.batch.created_at).toEqual([utc(2025, 3, 7, 9, 5)])
    expect(r.mapping.ticket_id).toBe('Case')
  })

  it('adds the reader rejections below the header, in row order', () => {
    const located = table([['Id', 'Created'], ['', '2025-03-07'], ['2', '2025-03-07']])
    located.readerRejected = [{ row: 2, reason: 'unterminated quote' }]
    const r = mapTickets(located, { file: FILE, defaultVendor: 'v' })
    expect(r.rejected.map((x) => x.row)).toEqual([2, 2])
  })

  describe('MappingError', () => {
    it('names the missing fields, lists the headers seen and says how to fix it', () => {
      let error: unknown
      try {
        map([['Case', 'Subject', 'When'], ['1', 'x', '2025-03-07']])
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(MappingError)
      const e = error as MappingError
      expect(e.missing).toEqual(['ticket_id', 'created_at'])
      expect(e.headers).toEqual(['Case', 'Subject', 'When'])
      expect(e.message).toContain('ticket_id and created_at')
      expect(e.message).toContain('"Case", "Subject", "When"')
      expect(e.message).toContain('mapping dialog')
      expect(e.message).toContain('--map')
      expect(e.message).toContain('canonical field -> header')
    })
    it('names a header the explicit mapping asks for but the file lacks', () => {
      expect(() => map([['Id', 'When'], ['1', '2025-03-07']], { mapping: { created_at: 'Opened on' } }))
        .toThrow(/created_at.*"Opened on" for created_at, but the file has no such header/s)
    })
    it('never requires vendor', () => {
      expect(() => map([['Id', 'Created']])).not.toThrow()
    })
  })
})

describe('defaultVendorFromFileName', () => {
  it.each([
    ['金蝶云星辰_服务单.csv', '金蝶云星辰'],
    ['用友U9_2025_03.xlsx', '用友U9'],
    ['SAP B1.parquet', 'SAP B1'],
    ['exports/纷享销客_tickets.csv', '纷享销客'],
    ['C:\\data\\简道云ERP_工单.xlsx', '简道云ERP'],
    ['noext', 'noext'],
    ['_weird.csv', '_weird'],
  ])('%j -> %j', (name, vendor) => {
    expect(defaultVendorFromFileName(name)).toBe(vendor)
  })
})

describe('mapTraining', () => {
  it('maps training records, with the default vendor and rejections', () => {
    const located = table([['培训签到'], ['参训人', '厂商', '培训日期'], ['张三', '用友U9', '2025-03-07'], ['李四', '', ''], ['', 'x', '2025-03-07'], ['王五', '', 'someday']])
    expect(located.kind).toBe('training')
    const { records, rejected } = mapTraining(located, { file: 'training.xlsx', defaultVendor: '金蝶云星辰' })
    expect(records).toEqual({ person: ['张三', '李四'], vendor: ['用友U9', '金蝶云星辰'], date: [utc(2025, 3, 7), null] })
    expect(rejected).toEqual([
      { file: 'training.xlsx', row: 5, reason: 'person is empty' },
      { file: 'training.xlsx', row: 6, reason: 'date "someday" is not a date' },
    ])
  })
})
