import { gzipSync } from 'fflate'
import type { SchemaElement } from 'hyparquet-writer'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'
import { readParquet } from '../../../src/import/parquet'
import { DEFAULT_READ_LIMITS, ImportError } from '../../../src/import/types'

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 8 },
  { name: 'ticket_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'created_at', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
  { name: 'resolved_at', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'NANOS' }, repetition_type: 'OPTIONAL' },
  { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
  { name: 'reopen_count', type: 'INT32', repetition_type: 'OPTIONAL' },
  { name: 'big', type: 'INT64', repetition_type: 'OPTIONAL' },
  { name: 'score', type: 'FLOAT', repetition_type: 'OPTIONAL' },
  { name: 'is_fault', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
]

function ticketsParquet(): Uint8Array {
  const buffer = parquetWriteBuffer({
    schema: SCHEMA,
    codec: 'GZIP',
    compressors: { GZIP: (input: Uint8Array) => gzipSync(input) },
    rowGroupSize: 2, // several row groups, so chunks arrive with different row offsets
    columnData: [
      { name: 'ticket_id', data: ['T-001', '工单-002', null, 'T-004'] },
      { name: 'created_at', data: [Date.UTC(2024, 0, 15, 9, 30, 5, 999), -1500, null, null].map((ms) => (ms === null ? null : BigInt(ms))) },
      { name: 'resolved_at', data: [1_705_311_000_123_456_789n, -1n, null, null] },
      { name: 'day', data: [19737, 0, null, null] },
      { name: 'reopen_count', data: [0, 2, null, null] },
      { name: 'big', data: [9_007_199_254_740_993n, -5n, null, null] },
      { name: 'score', data: [0.1, 4.7, null, 5] },
      { name: 'is_fault', data: [true, false, null, null] },
    ],
  })
  return new Uint8Array(buffer)
}

describe('readParquet', () => {
  it('reads every column as text: header on row 1, data from row 2', async () => {
    const sheet = await readParquet(ticketsParquet())
    expect(sheet.name).toBe('Parquet')
    expect(sheet.rows).toEqual([
      ['ticket_id', 'created_at', 'resolved_at', 'day', 'reopen_count', 'big', 'score', 'is_fault'],
      ['T-001', '2024-01-15 09:30:05', '2024-01-15 09:30:00', '2024-01-15 00:00:00', '0', '9007199254740993', '0.1', 'true'],
      ['工单-002', '1969-12-31 23:59:58', '1969-12-31 23:59:59', '1970-01-01 00:00:00', '2', '-5', '4.7', 'false'],
      ['T-004', '', '', '', '', '', '5', ''],
    ])
    // The all-null third data row is skipped, but the numbering keeps its place.
    expect(sheet.rowNumbers).toEqual([1, 2, 3, 5])
    expect(sheet.rejected).toEqual([])
  })

  it('refuses a file that only looks like Parquet', async () => {
    const fake = new TextEncoder().encode('PAR1 this is not parquet at all PAR1')
    await expect(readParquet(fake)).rejects.toBeInstanceOf(ImportError)
    await expect(readParquet(fake)).rejects.toThrow(/not a valid Parquet file/)
  })

  it('refuses a truncated file', async () => {
    const whole = ticketsParquet()
    const cut = new Uint8Array([...whole.subarray(0, whole.length >> 1), ...whole.subarray(whole.length - 8)])
    await expect(readParquet(cut)).rejects.toBeInstanceOf(ImportError)
  })
})

describe('Parquet caps', () => {
  it('refuses a file over the row or cell cap from its footer, with the cap named', async () => {
    const bytes = ticketsParquet() // 4 rows + the header row, 8 columns
    const limits = { ...DEFAULT_READ_LIMITS }
    await expect(readParquet(bytes, { ...limits, maxRows: 4 })).rejects.toThrow('maxRows')
    await expect(readParquet(bytes, { ...limits, maxCells: 39 })).rejects.toThrow('maxCells')
    expect((await readParquet(bytes, { ...limits, maxRows: 5, maxCells: 40 })).rows).toHaveLength(4) // the all-blank row is skipped
  })
})
