import { describe, expect, it } from 'vitest'
import { DEFAULT_READ_LIMITS, ImportError } from '../../../src/import/types'
import { excelSerialToText, formatKind } from '../../../src/import/excel-dates'
import { columnIndex, readXlsx } from '../../../src/import/xlsx'
import { buildXlsx, buildXlsxParts, worksheet, zipParts } from './xlsx-fixture'

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'

// Styles: 0 general, 1 built-in date (14), 2 custom Chinese date-time, 3 elapsed hours, 4 number with a quoted "d".
const STYLES = { numFmts: [[164, 'yyyy"年"m"月"d"日" hh:mm'], [165, '[h]:mm:ss'], [166, '0.0 "days"']] as Array<[number, string]>, cellStyles: [0, 14, 164, 165, 166] }

const SHARED = [
  '<si><t>售后工单导出</t></si>',
  '<si><t>工单号</t></si>',
  // rich text runs, with a phonetic run that must not leak into the text
  '<si><r><rPr><b/></rPr><t>创建</t></r><r><t xml:space="preserve">时间 </t></r><rPh sb="0" eb="2"><t>ソウサク</t></rPh></si>',
  '<si><t>满意度</t></si>',
  '<si><t>A &amp; B &lt;ok&gt; &#20013;&#x6587;_x000D_\nline</t></si>',
  '<si/>',
]

const TICKETS = worksheet(
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0"/><c r="C1" s="0"/></row>' +
    '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="str"><v>状态</v></c></row>' +
    '<row r="4"><c r="A4" t="inlineStr"><is><t>T-001</t></is></c><c r="B4" s="1"><v>45306.5</v></c><c r="C4"><v>4.5</v></c><c r="D4" t="b"><v>1</v></c></row>' +
    '<row r="5"><c r="A5" t="inlineStr"><is><r><t>T-</t></r><r><t>002</t></r></is></c><c r="B5" s="2"><v>45306.499999999</v></c><c r="D5" t="e"><v>#N/A</v></c></row>' +
    '<row r="6"><c r="A6" t="s"><v>4</v></c><c r="B6" s="3"><v>1.5</v></c><c r="C6" s="4"><v>0.1</v></c><c r="D6" t="b"><v>0</v></c></row>' +
    '<row r="7"><c r="A7" t="s"><v>5</v></c><c r="B7" s="1"/></row>' +
    '<row r="8"><c t="inlineStr"><is><t>no ref</t></is></c><c><f>1+1</f><v>2</v></c></row>',
  '<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>',
)

function ticketsWorkbook(): Uint8Array {
  return buildXlsx({
    ...STYLES,
    sharedStrings: SHARED,
    sheets: [
      { name: '工单', xml: TICKETS },
      { name: 'Lookup', xml: worksheet('<row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>') },
    ],
  })
}

function expectImportError(read: () => unknown, pattern: RegExp): void {
  let thrown: unknown
  try {
    read()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(ImportError)
  expect((thrown as Error).message).toMatch(pattern)
}

describe('readXlsx', () => {
  it('reads a title row, merged cells, a header on row 3 and typed cells', () => {
    const { sheets, date1904 } = readXlsx(ticketsWorkbook(), DEFAULT_READ_LIMITS)
    expect(date1904).toBe(false)
    expect(sheets.map((s) => s.name)).toEqual(['工单', 'Lookup'])
    const sheet = sheets[0]!
    expect(sheet.rowNumbers).toEqual([1, 3, 4, 5, 6, 8])
    expect(sheet.rows).toEqual([
      ['售后工单导出'],
      ['工单号', '创建时间 ', '满意度', '状态'],
      ['T-001', '2024-01-15 12:00:00', '4.5', 'TRUE'],
      ['T-002', '2024-01-15 12:00:00'], // rows end at their last value: the error cell D5 reads as ''
      ['A & B <ok> 中文\r\nline', '36:00:00', '0.1', 'FALSE'],
      ['no ref', '2'],
    ])
    expect(sheet.rejected).toEqual([])
    expect(sheets[1]!.rows).toEqual([['', 'x']])
    expect(sheets[1]!.rowNumbers).toEqual([2])
  })

  it('honours the 1904 date system', () => {
    const bytes = buildXlsx({
      date1904: true,
      cellStyles: [0, 22],
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" s="1"><v>43844.25</v></c><c r="B1"><v>43844.25</v></c></row>') }],
    })
    const workbook = readXlsx(bytes, DEFAULT_READ_LIMITS)
    expect(workbook.date1904).toBe(true)
    expect(workbook.sheets[0]!.rows).toEqual([['2024-01-15 06:00:00', '43844.25']])
  })

  it('reads namespace-prefixed parts, CDATA, comments and absolute or relative targets', () => {
    const parts = buildXlsxParts({ sheets: [{ name: 'S', xml: '' }] })
    parts['xl/worksheets/sheet1.xml'] =
      `<x:worksheet xmlns:x="${MAIN_NS}"><!-- a <c> comment --><x:sheetData>` +
      `<x:row r="2"><x:c r="C2" t="inlineStr"><x:is><x:t><![CDATA[a<b>&c]]></x:t></x:is></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`
    const { sheets } = readXlsx(zipParts(parts), DEFAULT_READ_LIMITS)
    expect(sheets[0]!.rows).toEqual([['', '', 'a<b>&c']])
  })

  it('refuses what is not a workbook', () => {
    expectImportError(() => readXlsx(new TextEncoder().encode('PK\x03\x04 not really'), DEFAULT_READ_LIMITS), /not a valid \.xlsx/)
    expectImportError(() => readXlsx(zipParts({ 'hello.txt': 'hi' }), DEFAULT_READ_LIMITS), /not a valid \.xlsx/)
    const whole = ticketsWorkbook()
    expectImportError(() => readXlsx(whole.subarray(0, whole.length >> 1), DEFAULT_READ_LIMITS), /not a valid \.xlsx/)
  })

  it('refuses a workbook over the cell limit, naming it', () => {
    expectImportError(() => readXlsx(ticketsWorkbook(), { ...DEFAULT_READ_LIMITS, maxXlsxCells: 10 }), /maxXlsxCells/)
  })

  it('checks declared sizes before inflating, and counts what is really inflated', () => {
    const bigSheet = worksheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(300_000)}</t></is></c></row>`)
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: bigSheet }] })
    expectImportError(() => readXlsx(bytes, { ...DEFAULT_READ_LIMITS, maxXlsxUncompressedBytes: 100_000 }), /maxXlsxUncompressedBytes/)

    // A zip bomb that lies about its size in the central directory is stopped while inflating.
    const lying = patchDeclaredSize(bytes, 'xl/worksheets/sheet1.xml', 1000)
    expectImportError(() => readXlsx(lying, { ...DEFAULT_READ_LIMITS, maxXlsxUncompressedBytes: 100_000 }), /./)
    expectImportError(() => readXlsx(lying, DEFAULT_READ_LIMITS), /not a valid \.xlsx/)
  })

  it('refuses .xlsb workbooks with a specific message', () => {
    expectImportError(() => readXlsx(zipParts({ 'xl/workbook.bin': 'binary' }), DEFAULT_READ_LIMITS), /xlsb/)
  })
})

describe('excelSerialToText', () => {
  it.each([
    [1, '1900-01-01 00:00:00'],
    [59, '1900-02-28 00:00:00'],
    [60, '1900-02-29 00:00:00'],
    [61, '1900-03-01 00:00:00'],
    [45306.5, '2024-01-15 12:00:00'],
    [45306.999999, '2024-01-16 00:00:00'],
    [0.75, '18:00:00'],
    [2958465, '9999-12-31 00:00:00'],
  ])('1900 system: %s -> %s', (serial, text) => {
    expect(excelSerialToText(serial, false)).toBe(text)
  })

  it('1904 system and out-of-range serials', () => {
    expect(excelSerialToText(1, true)).toBe('1904-01-02 00:00:00')
    expect(excelSerialToText(43844.25, true)).toBe('2024-01-15 06:00:00')
    expect(excelSerialToText(-1, false)).toBeNull()
    expect(excelSerialToText(2958466, false)).toBeNull()
  })
})

describe('formatKind and columnIndex', () => {
  it.each([
    ['yyyy-mm-dd', 'date'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['[$-F800]dddd, mmmm dd, yyyy', 'date'],
    ['h:mm AM/PM', 'date'],
    ['[h]:mm:ss', 'duration'],
    ['0.00 "days"', 'number'],
    ['#,##0.00;[Red]-#,##0.00', 'number'],
    ['0.00E+00', 'number'],
    ['General', 'number'],
    ['\\d0', 'number'],
  ])('%s is a %s format', (code, kind) => {
    expect(formatKind(code)).toBe(kind)
  })

  it('turns column letters into indexes', () => {
    expect(['A1', 'Z9', 'AA10', 'XFD1'].map(columnIndex)).toEqual([0, 25, 26, 16383])
    expect(() => columnIndex('XFE1')).toThrow(ImportError)
  })
})

/** Rewrites the uncompressed size the central directory declares for one entry. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  const encodedName = new TextEncoder().encode(name)
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue
    const nameLength = view.getUint16(p + 28, true)
    const entryName = out.subarray(p + 46, p + 46 + nameLength)
    if (entryName.length === encodedName.length && entryName.every((b, i) => b === encodedName[i])) {
      view.setUint32(p + 24, size, true)
      return out
    }
  }
  throw new Error(`no entry ${name}`)
}

describe('readXlsx on damaged files', () => {
  it('fails only with ImportError when bytes are flipped', () => {
    const original = ticketsWorkbook()
    let seed = 7
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n
    for (let i = 0; i < 500; i++) {
      const bytes = original.slice()
      for (let k = 0; k <= i % 6; k++) bytes[random(bytes.length)] = random(256)
      try {
        readXlsx(bytes, DEFAULT_READ_LIMITS)
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError)
      }
    }
  })
})
