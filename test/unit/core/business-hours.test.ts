import type { T } from '../helpers/tickets'
import { describe, expect, it } from 'vitest'
import { reportFor } from '../helpers/engine'
import { fileOf } from '../helpers/tickets'

// Every number below is worked out by hand from KPI contract §4 (docs/kpis.md §4, whose worked example these cases include).
// March 2025: the 3rd is a Monday. The office calendar works Monday–Friday 09:00–12:00 and
// 13:30–18:00 (180 + 270 = 450 min a day); Wednesday the 12th is a holiday, Saturday the 15th
// a make-up working day (调休).
const OFFICE = {
  days: [1, 2, 3, 4, 5],
  hours: [['09:00', '12:00'], ['13:30', '18:00']],
  holidays: ['2025-03-12'],
  workdays: ['2025-03-15'],
}

/** One vendor per case, so each vendor's average is that ticket's business minutes. */
const CASES: [string, T, number][] = [
  ['morning', { id: '1', created: '2025-03-03 10:00', response: '2025-03-03 10:30' }, 30],
  ['lunch', { id: '1', created: '2025-03-03 11:30', response: '2025-03-03 14:00' }, 30 + 30],
  ['night', { id: '1', created: '2025-03-03 17:00', response: '2025-03-04 10:00' }, 60 + 60],
  ['weekend', { id: '1', created: '2025-03-07 17:30', response: '2025-03-10 09:30' }, 30 + 30],
  ['created-off-hours', { id: '1', created: '2025-03-08 10:00', response: '2025-03-10 09:15' }, 15],
  ['all-off-hours', { id: '1', created: '2025-03-03 20:00', response: '2025-03-04 08:00' }, 0],
  ['in-lunch', { id: '1', created: '2025-03-03 12:10', response: '2025-03-03 13:20' }, 0],
  ['same-instant', { id: '1', created: '2025-03-03 10:00', response: '2025-03-03 10:00' }, 0],
  ['holiday', { id: '1', created: '2025-03-11 17:00', response: '2025-03-13 10:00' }, 60 + 0 + 60],
  ['make-up-day', { id: '1', created: '2025-03-14 17:00', response: '2025-03-15 10:00' }, 60 + 60],
  ['end-at-close', { id: '1', created: '2025-03-03 17:59', response: '2025-03-03 18:00' }, 1],
  ['start-at-open', { id: '1', created: '2025-03-03 13:30', response: '2025-03-03 13:31' }, 1],
]

describe('business minutes (calendar with lunch break, holidays and make-up days)', () => {
  it.each(CASES)('%s', async (name, t, expected) => {
    const r = await reportFor([fileOf('a.csv', [{ ...t, vendor: name }])], { config: { calendars: { default: OFFICE } }, asOf: '2025-03-20 00:00' })
    const v = r.vendors[0]!
    expect(v.first_response_bh_avg_min).toBeCloseTo(expected, 9)
    expect(r.business_hours_vendors).toEqual([name])
  })

  it('all cases together: each ticket its own lookup, averaged per vendor and overall', async () => {
    const rows = CASES.map(([name, t]) => ({ ...t, vendor: name }))
    const r = await reportFor([fileOf('a.csv', rows)], { config: { calendars: { default: OFFICE } }, asOf: '2025-03-20 00:00' })
    for (const [name, , expected] of CASES) expect(r.vendors.find(v => v.vendor === name)!.first_response_bh_avg_min, name).toBeCloseTo(expected, 9)
    const sum = CASES.reduce((s, c) => s + c[2], 0)
    expect(r.overall.first_response_bh_avg_min).toBeCloseTo(sum / CASES.length, 9)
  })

  it('a multi-week resolution: 10 working days (one holiday, one make-up Saturday) of 450 min', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: '1', created: '2025-03-03 09:00', resolved: '2025-03-17 09:00' },
      { id: '2', created: '2025-03-03 09:00', resolved: '2025-03-03 12:00' }, // 180
    ])], { config: { calendars: { default: OFFICE } }, asOf: '2025-03-20 00:00' })
    expect(r.overall.resolution_bh_avg_min).toBeCloseTo((4500 + 180) / 2, 9)
    expect(r.overall.resolution_avg_min).toBeCloseTo((14 * 1440 + 180) / 2, 9)
  })

  it('each vendor its own calendar; 7x24 and unlisted vendors equal the plain minutes', async () => {
    const day = (v: string): T => ({ id: '1', vendor: v, created: '2025-03-07 19:00', response: '2025-03-08 09:00', resolved: '2025-03-10 10:00' })
    const r = await reportFor([fileOf('a.csv', [day('A'), day('B'), day('C')])], {
      config: { calendars: { default: OFFICE, B: { days: [1, 2, 3, 4, 5, 6, 7], hours: [['08:00', '20:00']] }, C: '7x24' } },
      asOf: '2025-03-20 00:00',
    })
    const v = (n: string) => r.vendors.find(x => x.vendor === n)!
    // A (office): Fri 19:00 → Sat 09:00 is 0; → Mon 10:00 is 60.
    expect(v('A').first_response_bh_avg_min).toBeCloseTo(0, 9)
    expect(v('A').resolution_bh_avg_min).toBeCloseTo(60, 9)
    // B (every day 08:00–20:00): Fri 19:00–20:00 = 60, Sat 08:00–09:00 = 60 → 120; to Mon 10:00: 60 + 720 + 720 + 120 = 1620.
    expect(v('B').first_response_bh_avg_min).toBeCloseTo(120, 9)
    expect(v('B').resolution_bh_avg_min).toBeCloseTo(1620, 9)
    // C: 7x24, 14 h and 63 h.
    expect(v('C').first_response_bh_avg_min).toBeCloseTo(840, 9)
    expect(v('C').resolution_bh_avg_min).toBeCloseTo(v('C').resolution_avg_min!, 9)
    expect(r.business_hours_vendors).toEqual(['A', 'B'])
  })

  it('without any calendar the business-hours KPIs equal the plain ones', async () => {
    const r = await reportFor([fileOf('a.csv', CASES.map(([n, t]) => ({ ...t, vendor: n, resolved: t.response })))], { asOf: '2025-03-20 00:00' })
    expect(r.overall.first_response_bh_avg_min).toBeCloseTo(r.overall.first_response_avg_min!, 9)
    expect(r.overall.sla_response_bh_rate).toBeCloseTo(r.overall.sla_response_rate!, 12)
    expect(r.overall.resolution_bh_avg_min).toBeCloseTo(r.overall.resolution_avg_min!, 9)
    expect(r.business_hours_vendors).toEqual([])
  })
})

describe('sla_response_bh_rate', () => {
  const tickets: T[] = [
    { id: 'met', priority: 'P1', created: '2025-03-07 17:40', response: '2025-03-10 09:05' }, // 20 + 5 = 25 ≤ 30; plain 3805
    { id: 'young', priority: 'P1', created: '2025-03-07 17:50' }, // at as_of: 10 + 15 = 25 ≤ 30, not yet eligible
    { id: 'late', priority: 'P1', created: '2025-03-07 17:00' }, // 60 + 15 = 75 > 30: eligible, not met
  ]

  it('an unanswered ticket is eligible once its business minutes to as_of exceed the target', async () => {
    const r = await reportFor([fileOf('a.csv', tickets)], { config: { calendars: { default: OFFICE } }, asOf: '2025-03-10 09:15' })
    expect(r.overall.sla_response_bh_rate).toBeCloseTo(1 / 2, 12)
    expect(r.overall.sla_response_rate).toBeCloseTo(0 / 3, 12)
  })

  it('as_of later than every timestamp of the data: the calendar runs on past the data', async () => {
    // P4 (480) created Fri 17:50: by Tue 09:00 it has 10 + 450 = 460 business minutes, by 09:30 490.
    const p4: T[] = [{ id: 'x', priority: 'P4', created: '2025-03-07 17:50' }, { id: 'y', priority: 'P4', created: '2025-03-07 10:00', response: '2025-03-07 10:10' }]
    const before = await reportFor([fileOf('a.csv', p4)], { config: { calendars: { default: OFFICE } }, asOf: '2025-03-11 09:00' })
    expect(before.overall.sla_response_bh_rate).toBeCloseTo(1, 12)
    const after = await reportFor([fileOf('a.csv', p4)], { config: { calendars: { default: OFFICE } }, asOf: '2025-03-11 09:30' })
    expect(after.overall.sla_response_bh_rate).toBeCloseTo(1 / 2, 12)
  })

  it('as_of before the data: nothing unanswered is eligible', async () => {
    const r = await reportFor([fileOf('a.csv', tickets)], { config: { calendars: { default: OFFICE } }, asOf: '2025-03-01 00:00' })
    expect(r.overall.sla_response_bh_rate).toBeCloseTo(1, 12)
  })
})

describe('score_business_hours', () => {
  // Mon 17:00 → Tue 10:00: 1020 plain minutes, 120 business minutes; P3 target 240.
  const t: T[] = [{ id: '1', created: '2025-03-03 17:00', response: '2025-03-04 10:00' }]
  const base = { calendars: { default: OFFICE }, dimensions: Object.fromEntries(['problem_solving', 'coverage', 'improvement', 'reputation'].map(d => [d, { weight: 0 }])) }

  it('scores the plain KPIs by default', async () => {
    const r = await reportFor([fileOf('a.csv', t, { reopen: false, channel: false, satisfaction: false })], { config: base, asOf: '2025-03-20 00:00' })
    const v = r.vendors[0]!
    // 1020 lies between 720 (40) and 2880 (0): 40 − 300 × 40 / 2160; SLA 0 % → 0.
    expect(v.dimensions.response_speed).toBeCloseTo((40 - 300 * 40 / 2160 + 0) / 2, 9)
    expect(v.grades.first_response_bh_avg_min).toBe('common') // graded always, on the same anchors
    expect(v.scores.sla_response_bh_rate).toBeCloseTo(100, 9)
  })

  it('scores the business-hours variants in their place with the same anchors', async () => {
    const r = await reportFor([fileOf('a.csv', t, { reopen: false, channel: false, satisfaction: false })], { config: { ...base, score_business_hours: true }, asOf: '2025-03-20 00:00' })
    const v = r.vendors[0]!
    expect(v.dimensions.response_speed).toBeCloseTo((70 + 100) / 2, 9) // 120 min → 70; 100 % → 100
    expect(v.score).toBeCloseTo(85, 9)
  })
})
