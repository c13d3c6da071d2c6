import type { KpiReport } from '../../../src/core/report-types'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DATA_DIR, demoReport, GOLDEN } from '../../../data/demo-report'

interface ManifestFile { file: string, vendor: string, data_rows: number, bad_rows: number, duplicates: number, tickets: number, rejected: { row: number }[] }
interface Manifest {
  files: ManifestFile[]
  training: { file: string, data_rows: number }
  estimate: { by_vendor: Record<string, Record<string, number | null>> }
}

const manifest = JSON.parse(readFileSync(join(DATA_DIR, 'demo-manifest.json'), 'utf8')) as Manifest

/** Numbers equal to 1e-9, everything else exactly. */
function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThan(1e-9)
    return
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true)
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual as object)])
    for (const k of keys) expectSame((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`)
    return
  }
  expect(actual, path).toEqual(expected)
}

describe('the embedded demo data', () => {
  let report: KpiReport
  beforeAll(async () => {
    report = await demoReport()
  })

  it('gives the committed golden report (data/demo-report.json)', () => {
    expectSame(JSON.parse(JSON.stringify(report)), JSON.parse(readFileSync(GOLDEN, 'utf8')))
  })

  it('loads, rejects and de-duplicates exactly the rows the generator wrote', () => {
    for (const m of manifest.files) {
      const f = report.import.files.find(x => x.file === m.file)!
      expect(f, m.file).toMatchObject({ error: null, rows: m.data_rows, rejected: m.bad_rows, duplicates: m.duplicates, loaded: m.tickets })
      expect(report.import.rejected.filter(r => r.file === m.file).map(r => r.row), m.file).toEqual(m.rejected.map(r => r.row))
    }
    const training = report.import.files.find(x => x.file === manifest.training.file)!
    expect(training).toMatchObject({ kind: 'training', rows: manifest.training.data_rows, loaded: manifest.training.data_rows, error: null })
  })

  it('agrees with the generator\'s own reading of the contract to the second decimal', () => {
    // The generator computes the KPIs in plain TypeScript over the tickets it meant to write:
    // an independent oracle for the SQL (estimates are stored with 4 decimals).
    for (const [vendor, est] of Object.entries(manifest.estimate.by_vendor)) {
      const v = report.vendors.find(x => x.vendor === vendor)!
      for (const [key, expected] of Object.entries(est)) {
        if (key === 'backlog_end') continue
        const actual = key === 'score' ? v.score : v[key as keyof typeof v]
        if (expected === null) expect(actual, `${vendor} ${key}`).toBeNull()
        else expect(actual as number, `${vendor} ${key}`).toBeCloseTo(expected, 3)
      }
    }
    expect(report.vendors.map(v => v.vendor)).toEqual(['金蝶云星辰', '简道云ERP', '用友U9', '纷享销客', 'SAP B1'])
  })
})
