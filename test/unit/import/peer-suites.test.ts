/**
 * Public CSV test suites (csv-spectrum, PapaParse fixtures, DuckDB's CSV data)
 * kept outside the repository in ../shared/peer; see each suite's SOURCE.txt.
 * When the folder is absent the suites are skipped with a notice.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { sniffDelimiter } from '../../../src/import/csv'
import { UNKNOWN_ENCODING_MESSAGE, decodeText } from '../../../src/import/decode'
import { readGrid, sheetToRecords } from '../../../src/import/read-grid'
import type { Grid } from '../../../src/import/types'
import { ImportError } from '../../../src/import/types'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const peerRoot = path.resolve(repoRoot, '../shared/peer')

function suite(name: string): { dir: string; missing: boolean } {
  const dir = path.join(peerRoot, name)
  const missing = !fs.existsSync(dir)
  if (missing) console.warn(`peer suite ${name} not found at ${dir}: skipping it`)
  return { dir, missing }
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort()
}

const bytesOf = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file))

/** The grid, or the ImportError; any other exception fails the test. */
async function readOrRefuse(file: string): Promise<Grid | ImportError> {
  try {
    return await readGrid(bytesOf(file), path.basename(file))
  } catch (error) {
    expect(error, `${file} threw something other than ImportError`).toBeInstanceOf(ImportError)
    return error as ImportError
  }
}

/**
 * An independent, deliberately plain count of the records that hold something
 * besides whitespace, applying the same recovery rule as the reader when a quote
 * never closes (that record counts once, reading resumes on the next line).
 */
function countNonBlankRecords(text: string, delimiter: string): number {
  let count = 0
  let i = 0
  while (i < text.length) {
    let inQuotes = false
    let atFieldStart = true
    let hasContent = false
    let openedAt = -1
    let ended = false
    while (i < text.length && !ended) {
      const ch = text.charAt(i)
      if (inQuotes) {
        const escaped = ch === '"' && text.charAt(i + 1) === '"'
        if (ch === '"' && !escaped) inQuotes = false
        else if (ch.trim() !== '') hasContent = true
        i += escaped ? 2 : 1
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text.charAt(i + 1) === '\n' ? 2 : 1
        ended = true
      } else {
        if (ch === '"' && atFieldStart) {
          inQuotes = true
          openedAt = i
        } else if (ch !== delimiter && ch.trim() !== '') {
          hasContent = true
        }
        atFieldStart = ch === delimiter
        i++
      }
    }
    if (inQuotes) {
      count++
      i = openedAt + 1
      while (i < text.length && text.charAt(i) !== '\n' && text.charAt(i) !== '\r') i++
      i += text.startsWith('\r\n', i) ? 2 : 1
    } else if (hasContent) {
      count++
    }
  }
  return count
}

/** Every non-blank record of a CSV is either a row or a rejected row, each with its own row number. */
function expectNothingLost(file: string, grid: Grid): void {
  if (grid.format !== 'csv') return
  const sheet = grid.sheets[0]!
  const { text } = decodeText(bytesOf(file))
  expect(sheet.rows.length + sheet.rejected.length, file).toBe(countNonBlankRecords(text, sniffDelimiter(text)))
  const numbers = [...sheet.rowNumbers, ...sheet.rejected.map((r) => r.row)]
  expect(new Set(numbers).size, `${file}: row numbers are unique`).toBe(numbers.length)
  expect(sheet.rowNumbers, `${file}: row numbers increase`).toEqual([...sheet.rowNumbers].sort((a, b) => a - b))
}

const spectrum = suite('csv-spectrum')
describe.skipIf(spectrum.missing)('peer: csv-spectrum', () => {
  const csvs = filesUnder(path.join(spectrum.dir, 'csvs'))
  it.each(csvs.filter((f) => !f.endsWith('location_coordinates.csv')).map((f) => [path.basename(f), f]))('%s matches its JSON', async (_name, file) => {
    const grid = await readGrid(bytesOf(file), path.basename(file))
    const expected: unknown = JSON.parse(fs.readFileSync(file.replace('/csvs/', '/json/').replace(/\.csv$/, '.json'), 'utf8'))
    expect(sheetToRecords(grid.sheets[0]!)).toEqual(expected)
    expectNothingLost(file, grid)
  })

  it('location_coordinates.csv (inconsistent upstream) is read leniently', async () => {
    const grid = await readGrid(bytesOf(path.join(spectrum.dir, 'csvs/location_coordinates.csv')), 'location_coordinates.csv')
    expect(grid.sheets[0]!.rows[1]).toEqual(['2095257564', '37\uFFFD36\'37.8"N 121\uFFFD2\'17.9"W', 'Modesto', 'Stanislaus'])
  })
})

const papaparse = suite('papaparse')
describe.skipIf(papaparse.missing)('peer: papaparse fixtures', () => {
  it('utf-8-bom-sample: the byte order mark is not glued to the first header', async () => {
    const grid = await readGrid(bytesOf(path.join(papaparse.dir, 'utf-8-bom-sample.csv')), 'utf-8-bom-sample.csv')
    expect(grid.encoding).toBe('utf-8-bom')
    expect(sheetToRecords(grid.sheets[0]!)).toEqual([{ A: 'X', B: 'Y', C: 'Z' }])
  })

  it('poisoned-sample: __proto__ and friends are plain header text', async () => {
    const grid = await readGrid(bytesOf(path.join(papaparse.dir, 'poisoned-sample.csv')), 'poisoned-sample.csv')
    expect(grid.sheets[0]!.rows).toEqual([
      ['__proto__', 'toString', 'valueOf', '__proto__'],
      ['X', 'Y', 'Z', 'A'],
    ])
    const record = sheetToRecords(grid.sheets[0]!)[0]!
    expect(Object.entries(record)).toEqual([
      ['__proto__', 'X'],
      ['toString', 'Y'],
      ['valueOf', 'Z'],
      ['__proto___1', 'A'],
    ])
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'X')).toBe(false)
    expect(typeof ({} as { toString: unknown }).toString).toBe('function')
  })

  it('sjis-sample: Shift_JIS is refused, never read as mojibake', async () => {
    const result = await readOrRefuse(path.join(papaparse.dir, 'sjis-sample.csv'))
    expect(result).toBeInstanceOf(ImportError)
    expect((result as ImportError).message).toBe(UNKNOWN_ENCODING_MESSAGE)
  })
})

const duckdb = suite('duckdb-csv')
describe.skipIf(duckdb.missing)('peer: DuckDB CSV data', () => {
  const encodings = path.join(duckdb.dir, 'data/csv/encodings')

  it('utf16.csv: UTF-16LE with a byte order mark, 20 data rows', async () => {
    const grid = await readGrid(bytesOf(path.join(encodings, 'utf16.csv')), 'utf16.csv')
    expect(grid.encoding).toBe('utf-16le')
    const sheet = grid.sheets[0]!
    expect(sheet.rows[0]).toEqual(['name', 'age'])
    expect(sheet.rows[1]).toEqual(['José Álvarez', '30'])
    expect(sheet.rows).toHaveLength(21)
  })

  it.each(['latin1.csv', 'shift_jis.csv', 'all_latin1.csv', 'only_latin1.csv'])('%s is refused with the encoding message', async (name) => {
    const result = await readOrRefuse(path.join(encodings, name))
    expect(result).toBeInstanceOf(ImportError)
    expect((result as ImportError).message).toBe(UNKNOWN_ENCODING_MESSAGE)
  })

  it.each(['latin1.csv.gz', 'utf16.csv.gz'])('%s is refused as a compressed file', async (name) => {
    const result = await readOrRefuse(path.join(encodings, name))
    expect(result).toBeInstanceOf(ImportError)
    expect((result as ImportError).message).toMatch(/gzip/)
  })

  const rejects = filesUnder(path.join(duckdb.dir, 'data/csv/rejects'))
  it.each(rejects.map((f) => [path.relative(duckdb.dir, f), f]))('%s is read without loss or refused clearly', async (_name, file) => {
    const result = await readOrRefuse(file)
    if (result instanceof ImportError) expect(result.message).toMatch(/ \/ /) // bilingual, human-readable
    else expectNothingLost(file, result)
  })

  it('rejects/incorrect_columns/few_columns.csv keeps its short rows for the mapper to judge', async () => {
    const grid = await readGrid(bytesOf(path.join(duckdb.dir, 'data/csv/rejects/incorrect_columns/few_columns.csv')), 'few_columns.csv')
    const sheet = grid.sheets[0]!
    const short = sheet.rowNumbers.filter((_, i) => sheet.rows[i]!.length < 4)
    expect(short).toEqual([1814, 1823, 2378, 2762])
  })

  const fuzz = filesUnder(path.join(duckdb.dir, 'data/csv/afl'))
  it.each(fuzz.map((f) => [path.relative(duckdb.dir, f), f]))(
    '%s: read or refused with ImportError, quickly',
    async (_name, file) => {
      const result = await readOrRefuse(file)
      if (!(result instanceof ImportError)) expectNothingLost(file, result)
    },
    2000,
  )
})
