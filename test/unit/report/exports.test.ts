import type { Table } from '../../../src/report/table'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { DEFAULT_READ_LIMITS } from '../../../src/import/types'
import { readXlsx } from '../../../src/import/xlsx'
import { numberCell, textCell, timeCell } from '../../../src/report/table'
import { tablesToXlsx, tableToCsv } from '../../../src/report/xlsx-export'

const HOSTILE = ['=HYPERLINK("http://evil","x")', '+SUM(1)', '-1+2', '@cmd', '\tTAB', '\rCR']
const table: Table = {
  id: 'worst',
  title: 'Worst: [tickets]/*?',
  columns: [{ key: 'ticket_id', label: 'Ticket' }, { key: 'vendor', label: '供应商' }, { key: 'created_at', label: 'Created' }, { key: 'over', label: 'Over (min)', numeric: true }],
  rows: [
    ...HOSTILE.map((h, i) => ({ key: `h${i}`, cells: [textCell(`T${i}`), textCell(h), timeCell('2026-03-29 02:30:00'), numberCell(-12.5, '−12.5')] })),
    { key: 'n', cells: [textCell('-12.5'), textCell('1e5'), timeCell('2026-10-31 23:59:59'), numberCell(1e5, '100000')] },
    { key: 'z', cells: [textCell('Z'), textCell(null), timeCell(null), numberCell(null, '—')] },
  ],
  empty: '',
}

describe('CSV export of a report table', () => {
  it('BOM, CRLF, hostile text neutralised, numeric look-alikes and numbers untouched, times as wall clock', () => {
    const csv = tableToCsv(table, 'en')
    expect(csv.startsWith('\uFEFFTicket,供应商,Created,Over (min)\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toBe('T0,"\'=HYPERLINK(""http://evil"",""x"")",2026-03-29 02:30:00,-12.5')
    expect(lines.slice(2, 7).map(l => l.split(',')[1])).toEqual(['\'+SUM(1)', '\'-1+2', '\'@cmd', '\'\tTAB', '"\'\rCR"'])
    expect(lines[7]).toBe('-12.5,1e5,2026-10-31 23:59:59,100000')
    expect(lines[8]).toBe('Z,,,')
  })
})

describe('XLSX export (write-excel-file), read back', () => {
  it('numbers stay numbers, times are wall-clock serials, text is neutralised', async () => {
    const bytes = new Uint8Array(await (await tablesToXlsx([table, { ...table, id: 'b' }], 'zh')).arrayBuffer())
    const book = readXlsx(bytes, DEFAULT_READ_LIMITS)
    expect(book.sheets.map(s => s.name)).toEqual(['Worst   tickets', 'Worst   tickets 2'])
    const rows = book.sheets[0]!.rows
    expect(rows[0]).toEqual(['Ticket', '供应商', 'Created', 'Over (min)'])
    // XML turns a raw CR into LF on reading; the apostrophe is what matters
    expect(rows.slice(1, 7).map(r => r[1])).toEqual(HOSTILE.map(h => `'${h.replace('\r', '\n')}`))
    // 02:30 on the night Europe moves its clocks: a time zone would shift or drop it.
    expect(rows[1]![2]).toBe('2026-03-29 02:30:00')
    expect(rows[7]).toEqual(['-12.5', '1e5', '2026-10-31 23:59:59', '100000'])

    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)
    const serial = Date.UTC(2026, 2, 29, 2, 30) / 86_400_000 + 25569
    const c2 = /<c r="C2"[^>]*>(.*?)<\/c>/.exec(xml)?.[0] ?? ''
    expect(c2).not.toMatch(/t="s"|t="str"|t="inlineStr"/)
    expect(Number(/<v>([^<]+)<\/v>/.exec(c2)?.[1])).toBeCloseTo(serial, 9)
    const d2 = /<c r="D2"[^>]*>(.*?)<\/c>/.exec(xml)?.[0] ?? ''
    expect(d2).not.toMatch(/t="s"|t="str"|t="inlineStr"/)
    expect(/<v>([^<]+)<\/v>/.exec(d2)?.[1]).toBe('-12.5')
    // the text "-12.5" is a string cell, not turned into a number and not neutralised
    const a8 = /<c r="A8"[^>]*>/.exec(xml)?.[0] ?? ''
    expect(a8).toMatch(/t="(s|str|inlineStr)"/)
  })
})
