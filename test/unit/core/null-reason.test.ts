import type { FileReport, ImportReport } from '../../../src/core/report-types'
import { describe, expect, it } from 'vitest'
import { nullReason } from '../../../src/core/null-reason'

const file = (name: string, vendor: string | null, missing: string[]): FileReport => ({
  file: name, format: 'csv', encoding: 'utf-8', rows: 1, loaded: 1, rejected: 0, duplicates: 0, error: null, kind: 'tickets', vendor,
  missing: missing.map(field => ({ field, kpis: [], reason: '' })),
})
const report = (...files: FileReport[]): ImportReport => ({ files, rejected: [] })

describe('why a KPI is "—"', () => {
  const r = report(file('a.csv', 'A', ['first_response', 'reopen']), file('b.csv', 'B', ['satisfaction']))
  it('names the field no file of the vendor carries, and the files', () => {
    expect(nullReason('first_response_avg_min', 'A', r)).toEqual({ kind: 'field', field: 'first_response', files: ['a.csv'] })
    expect(nullReason('fcr_rate', 'A', r)).toEqual({ kind: 'field', field: 'reopen', files: ['a.csv'] })
    expect(nullReason('csat_response_rate', 'B', r)).toEqual({ kind: 'field', field: 'satisfaction', files: ['b.csv'] })
  })
  it('says no ticket was eligible when some file carries the field', () => {
    expect(nullReason('first_response_avg_min', null, r)).toEqual({ kind: 'eligible' })
    expect(nullReason('csat_avg', 'A', r)).toEqual({ kind: 'eligible' })
  })
  it('a file with a vendor column may hold any vendor', () => {
    expect(nullReason('first_response_avg_min', 'A', report(file('a.csv', 'A', ['first_response']), file('mixed.csv', null, [])))).toEqual({ kind: 'eligible' })
  })
  it('training, scores and vendors without tickets', () => {
    expect(nullReason('training_coverage', 'A', r)).toEqual({ kind: 'training' })
    expect(nullReason('score', 'A', r)).toEqual({ kind: 'score' })
    expect(nullReason('csat_avg', 'C', report(file('a.csv', 'A', [])))).toEqual({ kind: 'data' })
  })
})
