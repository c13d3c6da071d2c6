import { describe, expect, it } from 'vitest'
import { csvDocument, csvField, isPlainNumber, safeText } from '../../../src/core/output/cell-safe'

const HOSTILE = ['=1+1', '=HYPERLINK("http://x","y")', '+cmd', '-2+3', '@SUM(A1:A9)', '\tTAB', '\rCR', '=', '-', '+', '@', '- 5', '--5', '-0x10', '+Infinity', '-Infinity', '-NaN', '-1e5x']
const NUMBERS = ['-12.5', '+3', '1e5', '-1E-3', '0', '-0', '.5', '-.5', '12.', '+12.50e+2', '42']

describe('formula neutralisation (cell-safe)', () => {
  it.each(HOSTILE)('neutralises %j with a leading apostrophe', (s) => {
    expect(safeText(s)).toBe(`'${s}`)
  })

  it.each(NUMBERS)('leaves the plain number %j as it is', (s) => {
    expect(isPlainNumber(s)).toBe(true)
    expect(safeText(s)).toBe(s)
    expect(csvField(s)).toBe(s)
  })

  it('leaves ordinary text alone, neutralises only at the start', () => {
    for (const s of ['金蝶云星辰', 'a=b', 'P1', '2026-06-01 09:00', 'x-1']) expect(safeText(s)).toBe(s)
  })

  it('quotes after neutralising, and writes numbers and NULL as numbers and empty', () => {
    expect(csvField('=A1,"B"')).toBe('"\'=A1,""B"""')
    expect(csvField(-12.5)).toBe('-12.5')
    expect(csvField(null)).toBe('')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(true)).toBe('true')
  })

  it('a document has a BOM and CRLF line ends', () => {
    expect(csvDocument([['a', 'b'], ['=x', -1]])).toBe('\uFEFFa,b\r\n\'=x,-1\r\n')
  })
})

describe('the CLI\'s --format csv', () => {
  it('neutralises a hostile vendor name and keeps a numeric-looking one and every number', async () => {
    const { fileOf } = await import('../helpers/tickets')
    const { reportFor } = await import('../helpers/engine')
    const { renderCsv } = await import('../../../src/core/output/render-csv')
    const r = await reportFor([fileOf('a.csv', [
      { id: '1', vendor: '=HYPERLINK("http://evil","x")', created: '2026-06-01 09:00', response: '2026-06-01 09:20' },
      { id: '2', vendor: '-12.5', created: '2026-06-01 09:00', response: '2026-06-01 10:00' },
    ])])
    const csv = renderCsv(r)
    expect(csv.startsWith('\uFEFFscope,')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines.some(l => l.startsWith('vendor,"\'=HYPERLINK(""http://evil"",""x"")",'))).toBe(true)
    expect(lines.some(l => l.startsWith('vendor,-12.5,'))).toBe(true)
    expect(lines.filter(l => /,'-?\d/.test(l))).toEqual([])
  })
})
