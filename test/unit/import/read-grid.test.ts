import iconv from 'iconv-lite'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'
import { readGrid, sheetToRecords } from '../../../src/import/read-grid'
import { DEFAULT_READ_LIMITS, ImportError } from '../../../src/import/types'
import { buildXlsx, worksheet } from './xlsx-fixture'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

async function refusal(bytes: Uint8Array, fileName = 'tickets.csv', limits = DEFAULT_READ_LIMITS): Promise<string> {
  const error: unknown = await readGrid(bytes, fileName, limits).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ImportError)
  return (error as Error).message
}

describe('readGrid', () => {
  it('reads CSV text and reports its encoding', async () => {
    const grid = await readGrid(utf8('工单号,状态\n1,已关闭\n'), 'a.csv')
    expect(grid).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      sheets: [{ name: 'CSV', rows: [['工单号', '状态'], ['1', '已关闭']], rowNumbers: [1, 2], rejected: [] }],
    })
  })

  it('reads a GBK CSV saved by Chinese Excel', async () => {
    const bytes = new Uint8Array(iconv.encode('工单号,客户,问题描述\r\nT-001,华东分公司,"系统无法登录，请尽快处理"\r\n', 'gbk'))
    const grid = await readGrid(bytes, 'gbk.csv')
    expect(grid.encoding).toBe('gb18030')
    expect(grid.sheets[0]!.rows).toEqual([
      ['工单号', '客户', '问题描述'],
      ['T-001', '华东分公司', '系统无法登录，请尽快处理'],
    ])
  })

  it('reads tab-separated UTF-16 with a byte order mark (Excel "Unicode text")', async () => {
    const text = '工单号\t状态\r\nT-1\t处理中\r\n'
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16le')])
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf16-be')])
    for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const grid = await readGrid(bytes, 'unicode.txt')
      expect(grid.encoding).toBe(encoding)
      expect(grid.sheets[0]!.rows).toEqual([
        ['工单号', '状态'],
        ['T-1', '处理中'],
      ])
    }
  })

  it('reads XLSX and Parquet by their signatures, whatever the file name', async () => {
    const xlsx = buildXlsx({ sheets: [{ name: 'S', xml: worksheet('<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>') }] })
    expect(await readGrid(xlsx, 'export.bin')).toEqual({
      format: 'xlsx',
      encoding: 'binary',
      date1904: false,
      sheets: [{ name: 'S', rows: [['x']], rowNumbers: [2], rejected: [] }],
    })
    const parquet = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'id', data: ['a'], type: 'STRING' }] }))
    const grid = await readGrid(parquet, 'x.dat')
    expect(grid.format).toBe('parquet')
    expect(grid.sheets[0]!.rows).toEqual([['id'], ['a']])
  })

  it('refuses empty and oversized files', async () => {
    expect(await refusal(new Uint8Array(0))).toMatch(/file is empty/)
    expect(await refusal(utf8('a,b\n1,2\n'), 'a.csv', { ...DEFAULT_READ_LIMITS, maxFileBytes: 4 })).toMatch(/maxFileBytes/)
  })

  it('refuses old .xls, archives, PDF and HTML tables with advice', async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'old.xls')).toMatch(/save it as \.xlsx/)
    expect(await refusal(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), 'data.csv.gz')).toMatch(/gzip/)
    expect(await refusal(utf8('%PDF-1.7\n'), 'report.pdf')).toMatch(/PDF/)
    expect(await refusal(utf8('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'erp.xls')).toMatch(/web page \(HTML\)/)
    expect(await refusal(utf8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), 'x.xls')).toMatch(/XML spreadsheet/)
  })

  it('refuses a .xlsx or .parquet name on something else', async () => {
    expect(await refusal(utf8('a,b\n'), 'tickets.xlsx')).toMatch(/not a valid \.xlsx/)
    expect(await refusal(utf8('a,b\n'), 'tickets.parquet')).toMatch(/not a valid Parquet/)
  })

  it('never fails with anything but ImportError on random bytes', async () => {
    let seed = 42
    const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff)
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: 4 + (i % 50) * 7 }, random)
      if (i % 4 === 0) bytes.set([0x50, 0x4b, 0x03, 0x04])
      await readGrid(bytes, 'random.csv').catch((error: unknown) => expect(error).toBeInstanceOf(ImportError))
    }
  })
})

describe('sheetToRecords', () => {
  it('keys rows by header with own properties, even __proto__, and suffixes repeats', () => {
    const records = sheetToRecords({ name: 'CSV', rows: [['__proto__', 'toString', '__proto__'], ['X', 'Y']], rowNumbers: [1, 2], rejected: [] })
    expect(records).toHaveLength(1)
    const record = records[0]!
    expect(Object.entries(record)).toEqual([
      ['__proto__', 'X'],
      ['toString', 'Y'],
      ['__proto___1', ''],
    ])
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).X).toBeUndefined()
  })
})
