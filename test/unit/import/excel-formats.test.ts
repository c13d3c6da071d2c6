import { describe, expect, it } from 'vitest'
import { formatKind, readCellStyles } from '../../../src/import/excel-dates'
import { readXlsx } from '../../../src/import/xlsx'
import { DEFAULT_READ_LIMITS } from '../../../src/import/types'
import { buildXlsx, worksheet, xmlEscape } from './xlsx-fixture'

/** The regex formatKind used before (quadratic on unclosed `[` or `"`), kept as the oracle for short codes. */
function regexKind(code: string): string {
  if (/\[(h+|m+|s+)\]/i.test(code)) return 'duration'
  const bare = code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, '')
  return /[dmyhs]/i.test(bare) ? 'date' : 'number'
}

function randomCode(rand: () => number): string {
  const alphabet = ['[', ']', '"', '\\', '_', '*', 'd', 'm', 'y', 'h', 's', '0', '#', ' ', '$', '-']
  return Array.from({ length: Math.floor(rand() * 14) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('')
}

describe('Excel number formats from hostile style sheets', () => {
  it('classifies like the old regex on thousands of short random codes', () => {
    let seed = 42
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 5000; i++) {
      const code = randomCode(rand)
      expect(formatKind(code), code).toBe(regexKind(code))
    }
  })

  // 1 MB of unclosed openers. The quadratic regex took 121 ms for 20 KB of '[' (Node 22), so it
  // would need ~300 s here, five times the test timeout; the scan takes milliseconds.
  it.each([
    ['[', 'yyyy', 'date'],
    ['"', '0.00', 'number'],
    ['[h', 'mm', 'date'],
    ['x[', '', 'number'],
  ])('reads a million unclosed "%s" in linear time', (opener, tail, kind) => {
    const code = opener.repeat(Math.ceil(1_000_000 / opener.length)) + tail
    expect(formatKind(code)).toBe(kind)
  })

  it('opens an XLSX whose styles hold a 200 KB unclosed format code', () => {
    const code = '['.repeat(1_000_000)
    const xml = `<?xml version="1.0"?><styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="${xmlEscape(code)}"/></numFmts><cellXfs count="1"><xf numFmtId="164"/></cellXfs></styleSheet>`
    expect(readCellStyles(xml)).toEqual(['number'])
    const book = buildXlsx({
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2" s="1"><v>7</v></c></row>') }],
      numFmts: [[164, code]],
      cellStyles: [0, 164],
    })
    const sheet = readXlsx(book, DEFAULT_READ_LIMITS).sheets[0]!
    expect(sheet.rows).toEqual([['id'], ['7']])
  })
})
