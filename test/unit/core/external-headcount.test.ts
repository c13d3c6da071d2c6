import type { ImportedFile } from '../../../src/core/dataset'
import { describe, expect, it } from 'vitest'
import { DIMENSIONS } from '../../../src/core/config'
import { trainingToArrowIPC } from '../../../src/import/to-arrow'
import { reportFor } from '../helpers/engine'
import { fileOf } from '../helpers/tickets'

const tickets = fileOf('a.csv', [
  { id: '1', vendor: 'A', created: '2025-03-03 10:00', response: '2025-03-03 10:20', csat: 8 },
  { id: '2', vendor: 'B', created: '2025-03-03 10:00', response: '2025-03-03 12:00', csat: 6 },
], { reopen: false, channel: false, customer: false })

function training(vendor: string[], person: string[]): ImportedFile {
  return {
    report: { file: 't.csv', format: 'csv', encoding: 'utf-8', rows: vendor.length, loaded: vendor.length, rejected: 0, duplicates: 0, error: null, kind: 'training' },
    rejected: [],
    kind: 'training',
    ipc: trainingToArrowIPC({ vendor, person, date: vendor.map(() => null) }),
    known: null,
  }
}

describe('external ratings (sixth dimension)', () => {
  it('scores rating × 10 and weighs it in only with a weight and a rating', async () => {
    const plain = await reportFor([tickets], { asOf: '2025-03-04 00:00' })
    const zero = await reportFor([tickets], { asOf: '2025-03-04 00:00', config: { ratings: { A: 8 } } })
    const weighted = await reportFor([tickets], { asOf: '2025-03-04 00:00', config: { ratings: { A: 8, Z: 3 }, dimensions: { external: { weight: 25 } } } })
    const v = (r: typeof plain, n: string) => r.vendors.find(x => x.vendor === n)!
    expect(v(zero, 'A').dimensions.external).toBeCloseTo(80, 9)
    expect(v(zero, 'A').score).toBeCloseTo(v(plain, 'A').score!, 9) // weight 0: left out
    expect(v(weighted, 'B').dimensions.external).toBeNull() // no rating: left out
    expect(v(weighted, 'B').score).toBeCloseTo(v(plain, 'B').score!, 9)
    // A: the weighted mean of its other known dimensions (default weights) and 80 × 25.
    const a = v(plain, 'A')
    const w = { response_speed: 25, problem_solving: 25, coverage: 15, improvement: 15, reputation: 20, external: 0 }
    const known = DIMENSIONS.filter(d => a.dimensions[d] !== null)
    const sum = known.reduce((s, d) => s + a.dimensions[d]! * w[d], 0) + 80 * 25
    const weights = known.reduce((s, d) => s + w[d], 0) + 25
    expect(v(weighted, 'A').score).toBeCloseTo(sum / weights, 9)
    expect(weighted.overall.dimensions.external).toBeNull()
  })
})

describe('headcount per vendor', () => {
  const records = training(['A', 'A', 'A', 'B'], ['p1', 'p1', 'p2', 'p3'])

  it('a vendor\'s trainees ÷ its own headcount, else the default; overall ÷ the default', async () => {
    const r = await reportFor([tickets, records], { config: { headcount: { default: 10, A: 4 } } })
    expect(r.vendors.find(v => v.vendor === 'A')!.training_coverage).toBeCloseTo(2 / 4, 12)
    expect(r.vendors.find(v => v.vendor === 'B')!.training_coverage).toBeCloseTo(1 / 10, 12)
    expect(r.overall.training_coverage).toBeCloseTo(3 / 10, 12)
    expect(r.vendor_months.find(v => v.vendor === 'A')!.training_coverage).toBeCloseTo(2 / 4, 12)
  })

  it('without a default only the vendors with a headcount have a coverage', async () => {
    const r = await reportFor([tickets, records], { config: { headcount: { B: 2 } } })
    expect(r.vendors.find(v => v.vendor === 'A')!.training_coverage).toBeNull()
    expect(r.vendors.find(v => v.vendor === 'B')!.training_coverage).toBeCloseTo(1 / 2, 12)
    expect(r.overall.training_coverage).toBeNull()
  })
})
