import { describe, expect, it } from 'vitest'
import { parseCsv, sniffDelimiter } from '../../../src/import/csv'

describe('parseCsv', () => {
  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const sheet = parseCsv('id,note\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"two\r\nlines"\r\n4,"cr\ronly"\r\n')
    expect(sheet.name).toBe('CSV')
    expect(sheet.rows).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\r\nlines'],
      ['4', 'cr\ronly'],
    ])
    expect(sheet.rowNumbers).toEqual([1, 2, 3, 4, 5])
    expect(sheet.rejected).toEqual([])
  })

  it('accepts LF, CRLF and CR line ends, with or without a final one', () => {
    for (const text of ['a,b\n1,2', 'a,b\r\n1,2\r\n', 'a,b\r1,2\r', 'a,b\n1,2\n']) {
      expect(parseCsv(text).rows).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ])
    }
  })

  it('keeps empty cells, quoted empty cells and a trailing empty cell', () => {
    expect(parseCsv('a,b,c\n1,"",\n,,3').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['', '', '3'],
    ])
  })

  it('skips blank records but keeps counting rows as a spreadsheet does', () => {
    const sheet = parseCsv('title\n\nid,note\n1,"multi\nline"\n,,\n  \n2,x\n')
    expect(sheet.rows).toEqual([['title'], ['id', 'note'], ['1', 'multi\nline'], ['2', 'x']])
    expect(sheet.rowNumbers).toEqual([1, 3, 4, 7])
  })

  it('keeps a bare quote inside an unquoted field, and text after a closing quote', () => {
    expect(parseCsv('a,b\n12" pipe,5\n"x"y,z').rows).toEqual([
      ['a', 'b'],
      ['12" pipe', '5'],
      ['xy', 'z'],
    ])
  })

  it('rejects a record whose quote never closes and keeps reading the lines after it', () => {
    const sheet = parseCsv('id,note\n1,ok\n2,"broken, ""really""\n3,fine\n4,plain\n')
    expect(sheet.rows).toEqual([
      ['id', 'note'],
      ['1', 'ok'],
      ['3', 'fine'],
      ['4', 'plain'],
    ])
    expect(sheet.rowNumbers).toEqual([1, 2, 4, 5])
    expect(sheet.rejected).toEqual([{ row: 3, reason: 'unterminated quoted field starting at row 3' }])
  })

  it('lets a stray opening quote run to the next quote, as RFC 4180 and Excel do', () => {
    expect(parseCsv('a,b\n1,"open\n2,x\n3,"y\n').rows).toEqual([
      ['a', 'b'],
      ['1', 'open\n2,x\n3,y'],
    ])
  })

  it('numbers the rejected record by where it starts, even after a multi-line field', () => {
    const sheet = parseCsv('a,b,c\n"x\ny",1,"open\nnext,2,3')
    expect(sheet.rejected).toEqual([{ row: 2, reason: 'unterminated quoted field starting at row 2' }])
    expect(sheet.rows).toEqual([
      ['a', 'b', 'c'],
      ['next', '2', '3'],
    ])
    expect(sheet.rowNumbers).toEqual([1, 3])
  })

  it('reads header names such as __proto__ as plain text', () => {
    const sheet = parseCsv('__proto__,constructor\nX,Y')
    expect(sheet.rows[0]).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).X).toBeUndefined()
  })

  it('handles an empty text and a single value', () => {
    expect(parseCsv('').rows).toEqual([])
    expect(parseCsv('x').rows).toEqual([['x']])
  })
})

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1,5;2,5;3', ';'],
    ['a\tb\tc\n"x,y,z"\t2\t3', '\t'],
    ['a|b|c\n1|2|3', '|'],
    ['Ticket export, January\n\nid;status;owner\n1;open;li\n2;closed;wang', ';'],
    ['"a;b;c",d\n"e;f;g",h', ','],
    ['just one column\nvalue', ','],
  ])('%j -> %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter)
  })

  it('is used by parseCsv', () => {
    expect(parseCsv('a;b\n"1;x";2').rows).toEqual([
      ['a', 'b'],
      ['1;x', '2'],
    ])
  })
})
