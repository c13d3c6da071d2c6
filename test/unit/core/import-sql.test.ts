/** The SQL pieces of the engine import, each against the TypeScript rule it stands for. */
import type { Engine } from '../../../src/core/engine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayFirstEvidence, parseDateTime } from '../../../src/core/parse-datetime'
import { cleanCell, jsTrim, str } from '../../../src/core/sql/import-cells'
import { dayFirstEvidenceSql, fastLayoutMs, residualDateSql } from '../../../src/core/sql/import-dates'
import { cellAt } from '../../../src/core/ticket-mapper'
import { createNodeEngine } from '../../../src/db/node-engine'
import { scanCsvShape } from '../../../src/import/csv-shape'
import { decodeText } from '../../../src/import/decode'
import { toUtf8 } from '../../../src/import/text-bytes'

let engine: Engine
beforeAll(async () => {
  engine = await createNodeEngine()
})
afterAll(async () => {
  await engine.close()
})

async function each<T>(texts: readonly string[], expr: (v: string) => string): Promise<T[]> {
  const rows = await engine.query<{ r: T }>(`SELECT ${expr('v')} AS r FROM (SELECT unnest([${texts.map(str).join(', ')}]) AS v, generate_subscripts([${texts.map(str).join(', ')}], 1) AS i) ORDER BY i`)
  return rows.map(r => r.r)
}

const FAST = [
  '2025-03-07', '2025/03/07', '2025-03-07 10:00', '2025-03-07T10:00', '2025/03/07T10:00', '2025-03-07 10:00:59', '2025/03/07 23:59:59',
  '2025-03-07 10:00:00Z', '2025-03-07T10:00:00Z', '2025/03/07T10:00:00', '2024-02-29', '2025-02-29', '2025-02-30 10:00', '2025-04-31',
  '2025-13-01', '2025-00-10', '2025-01-00', '1000-01-01', '1900-02-29', '2000-02-29', '2025-03-07 24:00', '2025-03-07 23:60',
  '2025-03-07 10:00:60', '2099-12-31 23:59:59', '9999-12-31 23:59:59',
]
const OTHER = [
  '2025-3-7', '2025-03-07 10', '2025-03-07 10:00Z', '2025-03-07 10:00:00.', '2025-03-07 10:00:00.5', '2025-03-07 10:00:00.123Z',
  '2025-03-07 10:00:00 ', ' 2025-03-07', '2025-03/07', '0999-12-31', '0000-00-00', '0000-00-00 00:00:00', '2025-03- 7', '2025-03-07  10:00',
  '+025-03-07', '45723.5', '', 'x',
]

/** Texts of every fast layout with random digits: most are no valid date, many are. */
function randomFast(count: number): string[] {
  let seed = 7
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const d = (n: number, max: number) => String(Math.floor(next() * max)).padStart(n, '0')
  const times = ['', ' ', 'T'].flatMap(t => (t === '' ? [''] : [`${t}${d(2, 26)}:${d(2, 62)}`, `${t}${d(2, 26)}:${d(2, 62)}:${d(2, 62)}`, `${t}${d(2, 26)}:${d(2, 62)}:${d(2, 62)}Z`]))
  return Array.from({ length: count }, (_, i) => `${1000 + Math.floor(next() * 9000)}${i % 2 ? '-' : '/'}${d(2, 14)}${i % 2 ? '-' : '/'}${d(2, 33)}${times[i % times.length]}`)
}

describe('import SQL = the TypeScript rules', () => {
  it('reads the fast timestamp layouts per row exactly as parseDateTime does (valid and invalid dates)', async () => {
    const texts = [...FAST, ...randomFast(4000)]
    expect(await each<boolean>(texts, v => `NOT ${residualDateSql(v)}`)).toEqual(texts.map(() => true))
    const sql = await each<number | null>(texts, fastLayoutMs)
    expect(sql).toEqual(texts.map(t => parseDateTime(t)))
    expect(sql.filter(v => v === null).length).toBeGreaterThan(500)
    expect(sql.filter(v => v !== null).length).toBeGreaterThan(500)
  })

  it('leaves every other text to the distinct-value parser', async () => {
    expect(await each<boolean>(OTHER, residualDateSql)).toEqual(OTHER.map(() => true))
  })

  it('gives the day/month evidence of dayFirstEvidence', async () => {
    const texts = ['13/3/2025', '3/13/2025', '3/3/2025', ' 13-3-2025', '\u300013/03/25', '13/3-2025', '123/3/2025', '3/123/2025', '0/13/2025', '13/0/2025', '2025-03-13', '', 'x']
    expect(await each<number>(texts, dayFirstEvidenceSql)).toEqual(texts.map(dayFirstEvidence))
  })

  it('cleans a cell as cellAt does: JavaScript trim, NULL placeholders', async () => {
    const texts = ['  a  ', '\u3000全角\u3000', '\ufeffx', '\u00a0-\u00a0', 'N/A', 'n/a', 'NA', '无', '（空）', '0000-00-00', ' ', '\t\v\f', 'a b', '\u2028x\u2029', '\u200bzero-width']
    expect(await each<string>(texts, cleanCell)).toEqual(texts.map(t => cellAt([t], 0)))
    expect(await each<string>(texts, jsTrim)).toEqual(texts.map(t => t.trim()))
  })
})

describe('scanCsvShape', () => {
  const scan = (text: string) => scanCsvShape(new TextEncoder().encode(text), 44)
  it('counts records, not lines, and numbers the empty ones', () => {
    expect(scan('a,b\n"x\ny",2\n\n3\r\n\r\n4')).toEqual({ records: 6, cells: 8, maxFields: 2, emptyLines: [3, 5], maybeBlank: [3, 5], headEnd: 19 })
  })
  it('lists every record that may be blank, and no record holding a value', () => {
    expect(scan(' , \n"",""\n\u00a0,\u3000\nx\n中文\n" "\n""""\n\n')?.maybeBlank).toEqual([1, 2, 3, 6, 8])
  })
  it('refuses what read_csv would read otherwise than csv.ts', () => {
    for (const bad of ['a,b"c\n', '"ab"c,d\n', '"open\n', 'a\rb\n', 'a," x"y\n']) expect(scan(bad), bad).toBeNull()
    expect(scan('a,"q""z",""\n')).not.toBeNull()
  })
})

describe('toUtf8', () => {
  it('names the encoding as decodeText does and gives the same text', () => {
    const text = '工单编号,创建时间\nA1,2025-03-07 😀\n'
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
    const utf16be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])
    const utf8 = new TextEncoder().encode(text)
    for (const bytes of [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), utf16, utf16be]) {
      const js = decodeText(bytes)
      const out = toUtf8(bytes)
      expect(out.encoding).toBe(js.encoding)
      expect(new TextDecoder().decode(out.bytes)).toBe(js.text)
    }
  })
  it('refuses what decodeText refuses, with the same message', () => {
    for (const bytes of [new Uint8Array([0x61, 0, 0x62]), new Uint8Array([0xff, 0xfe, 0x61]), new Uint8Array([0xc3, 0x28, 0xa0, 0xa1])]) {
      expect(() => toUtf8(bytes)).toThrow((() => {
        try {
          decodeText(bytes)
        }
        catch (e) {
          return (e as Error).message
        }
        return 'decodeText did not throw'
      })())
    }
  })
})
