import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { mergeConfig } from '../../../src/core/config-merge'
import { gradeExpr, scoreExpr } from '../../../src/core/sql/score-sql'
import { engine, reportFor } from '../helpers/engine'
import { fileOf } from '../helpers/tickets'

async function scoreOf(kpi: keyof typeof DEFAULT_CONFIG.anchors, v: number | null): Promise<{ score: number | null, grade: string | null }> {
  const e = await engine()
  const a = DEFAULT_CONFIG.anchors[kpi]
  const [r] = await e.query<{ score: number | null, grade: string | null }>(
    `SELECT ${scoreExpr('x', a)} AS score, ${gradeExpr('x', a)} AS grade FROM (SELECT ?::DOUBLE AS x)`, [v])
  return r!
}

describe('KPI scores and grades (anchor table of the contract)', () => {
  it.each([
    ['first_response_avg_min', 0, 100, 'excellent'],
    ['first_response_avg_min', 30, 90, 'excellent'],
    ['first_response_avg_min', 75, 80, 'common'],
    ['first_response_avg_min', 120, 70, 'common'],
    ['first_response_avg_min', 720, 40, 'below'],
    ['first_response_avg_min', 721, 39.98, 'poor'],
    ['first_response_avg_min', 5000, 0, 'poor'],
    ['sla_response_rate', 1, 100, 'excellent'],
    ['sla_response_rate', 0.9, 80, 'common'],
    ['sla_response_rate', 0.7, 40, 'below'],
    ['sla_response_rate', 0.35, 20, 'poor'],
    ['fcr_rate', 0.875, 80, 'common'],
    ['fcr_rate', 0.75, 55, 'below'],
    ['csat_avg', 9.5, 95, 'excellent'],
    ['csat_avg', 6, 55, 'below'],
    ['csat_avg', 2.5, 20, 'poor'],
    ['recovery_avg_min', 150, 80, 'common'],
    ['recovery_avg_min', 2880, 20, 'poor'],
    ['recurrence_rate', 0.05, 90, 'excellent'],
    ['recurrence_rate', 0.15, 55, 'below'],
    ['recurrence_rate', 0.9, 0, 'poor'],
    ['training_coverage', 1, 100, 'excellent'], // ideal wins the tie with excellent
    ['training_coverage', 0.8, 80, 'common'],
    ['training_coverage', 0, 0, 'poor'],
    ['channels', 5, 100, 'excellent'],
    ['channels', 4, 90, 'excellent'],
    ['channels', 1, 20, 'poor'],
  ] as const)('%s = %s scores %s (%s)', async (kpi, v, score, grade) => {
    const r = await scoreOf(kpi, v)
    expect(r.score).toBeCloseTo(score, 2)
    expect(r.grade).toBe(grade)
  })

  it('NULL stays NULL', async () => {
    expect(await scoreOf('csat_avg', null)).toEqual({ score: null, grade: null })
  })
})

describe('dimensions, weighted score and rank', () => {
  const rows = (vendor: string, n: number, responseMin: number) => Array.from({ length: n }, (_, i) => ({
    id: `${vendor}${i}`,
    vendor,
    created: '2025-03-03 10:00',
    response: `2025-03-03 ${String(10 + Math.floor(responseMin / 60)).padStart(2, '0')}:${String(responseMin % 60).padStart(2, '0')}`,
  }))

  it('dimension = mean of its non-NULL KPI scores; score = weighted mean of non-NULL dimensions', async () => {
    // 75 min avg → 80; SLA 1.0 → 100: response_speed 90. csat 6 → 55: reputation 55.
    const r = await reportFor([fileOf('a.csv', [
      { id: '1', created: '2025-03-03 10:00', response: '2025-03-03 11:15', csat: 6 },
    ], { reopen: false, channel: false, customer: false })], { asOf: '2025-03-03 12:00' })
    const v = r.vendors[0]!
    expect(v.dimensions.response_speed).toBeCloseTo(90, 9)
    expect(v.dimensions.reputation).toBeCloseTo(55, 9)
    expect(v.dimensions.problem_solving).toBeNull()
    expect(v.dimensions.coverage).toBeNull()
    expect(v.score).toBeCloseTo((90 * 25 + 55 * 20) / 45, 9)
  })

  it('ranks by score, then tickets, then vendor name', async () => {
    const r = await reportFor([fileOf('a.csv', [
      ...rows('Beta', 2, 30), ...rows('Alpha', 2, 30), ...rows('Gamma', 3, 30), ...rows('Delta', 1, 10),
    ], { reopen: false, channel: false, customer: false, satisfaction: false })], { asOf: '2025-03-03 12:00' })
    expect(r.vendors.map(v => [v.rank, v.vendor])).toEqual([[1, 'Delta'], [2, 'Gamma'], [3, 'Alpha'], [4, 'Beta']])
  })

  it('weights and anchors come from the config', async () => {
    const cfg = mergeConfig({ dimensions: { reputation: { weight: 0 } }, anchors: { first_response_avg_min: [0, 60, 120, 720, 2880] } })
    const r = await reportFor([fileOf('a.csv', [{ id: '1', created: '2025-03-03 10:00', response: '2025-03-03 11:00', csat: 2 }],
      { reopen: false, channel: false, customer: false })], { asOf: '2025-03-03 12:00', config: cfg })
    expect(r.overall.scores.first_response_avg_min).toBeCloseTo(90, 9)
    expect(r.overall.score).toBeCloseTo(95, 9) // (90 + 100) / 2, reputation weighs 0
  })
})

describe('training_coverage', () => {
  it('distinct trained people ÷ headcount; NULL without records or headcount', async () => {
    const { trainingToArrowIPC } = await import('../../../src/import/to-arrow')
    const training = {
      report: { file: 't.csv', format: 'csv', encoding: 'utf-8', rows: 4, loaded: 4, rejected: 0, duplicates: 0, error: null, kind: 'training' },
      rejected: [],
      kind: 'training' as const,
      ipc: trainingToArrowIPC({ vendor: ['A', 'A', 'A', 'B'], person: ['p1', 'p1', 'p2', 'p3'], date: [null, null, null, null] }),
      known: null,
    }
    const tickets = fileOf('a.csv', [{ id: '1', vendor: 'A', created: '2025-03-03 10:00' }, { id: '2', vendor: 'B', created: '2025-03-03 10:00' }, { id: '3', vendor: 'C', created: '2025-03-03 10:00' }])
    const r = await reportFor([tickets, training], { config: { headcount: 4 } })
    expect(r.vendors.find(v => v.vendor === 'A')!.training_coverage).toBeCloseTo(0.5, 12)
    expect(r.vendors.find(v => v.vendor === 'C')!.training_coverage).toBe(0)
    expect(r.overall.training_coverage).toBeCloseTo(0.75, 12)
    const none = await reportFor([tickets, training])
    expect(none.overall.training_coverage).toBeNull()
    const noRecords = await reportFor([tickets], { config: { headcount: 4 } })
    expect(noRecords.overall.training_coverage).toBeNull()
  })
})
