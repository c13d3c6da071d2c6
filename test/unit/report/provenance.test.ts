import type { ImportReport } from '../../../src/core/report-types'
import { describe, expect, it } from 'vitest'
import { filesTable, unknownTable } from '../../../src/report/tables-provenance'

const imp: ImportReport = {
  files: [{
    file: 'jira.csv', format: 'csv', encoding: 'utf-8', rows: 10, loaded: 8, rejected: 1, duplicates: 1, error: null, vendor: 'J',
    columns: [
      { index: 1, header: 'Issue key', field: 'ticket_id', how: 'alias', detected: [], samples: ['SD-1'] },
      { index: 2, header: 'Sprint', field: null, how: null, detected: [], samples: ['S1', 'S2', 'S3', 'S4'], note: 'not a ticket field' },
    ],
    missing: [{ field: 'first_response_at', kpis: ['first_response_avg_min', 'sla_response_rate'], reason: 'no first-response column' }],
  }, { file: 'old.csv', format: 'csv', encoding: 'utf-8', rows: 0, loaded: 0, rejected: 0, duplicates: 0, error: 'not a ticket export' }],
  rejected: [],
}

describe('the report\'s provenance tables', () => {
  it('lists the fields a file lacks (with the KPIs that lose it) and the columns nobody used', () => {
    const t = unknownTable(imp, 'en')
    expect(t.rows.map(r => r.cells.map(c => c.text))).toEqual([
      ['jira.csv', 'missing field', 'First response at', 'no first-response column → Avg first response, Response SLA attainment'],
      ['jira.csv', 'unused column', '2: Sprint', 'not a ticket field · e.g.: S1 | S2 | S3'],
    ])
  })

  it('says when the import report has no column report, and lists every file with its counts and error', () => {
    expect(unknownTable({ files: [imp.files[1]!], rejected: [] }, 'en').empty).toBe('This import report has no column report')
    const f = filesTable(imp, 'zh')
    expect(f.rows.map(r => r.cells.map(c => c.value))).toEqual([
      ['jira.csv', 'J', 'csv', 10, 8, 1, 1, null],
      ['old.csv', null, 'csv', 0, 0, 0, 0, 'not a ticket export'],
    ])
  })
})
