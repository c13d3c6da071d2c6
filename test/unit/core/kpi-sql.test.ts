import { describe, expect, it } from 'vitest'
import { reportFor } from '../helpers/engine'
import { fileOf } from '../helpers/tickets'

// Every expected number below is worked out by hand from the contract (docs/kpis.md).

describe('first response', () => {
  it('averages and interpolated quantiles over responded tickets only', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: '1', created: '2025-03-03 10:00', response: '2025-03-03 10:10' },
      { id: '2', created: '2025-03-03 10:00', response: '2025-03-03 10:20' },
      { id: '3', created: '2025-03-03 10:00', response: '2025-03-03 11:00' },
      { id: '4', created: '2025-03-03 10:00', response: '2025-03-03 11:40' },
      { id: '5', created: '2025-03-03 10:00' },
    ])], { asOf: '2025-03-03 12:00' })
    expect(r.overall.first_response_avg_min).toBeCloseTo(47.5, 9)
    expect(r.overall.first_response_p50_min).toBeCloseTo(40, 9)
    // quantile_cont: position 0.9 × 3 = 2.7 → 60 + 0.7 × (100 − 60)
    expect(r.overall.first_response_p90_min).toBeCloseTo(88, 9)
    expect(r.overall.tickets).toBe(5)
  })

  it('a 0-minute response is 0, a file without a response column is NULL', async () => {
    const r = await reportFor([
      fileOf('A_x.csv', [{ id: '1', vendor: 'A', created: '2025-03-03 10:00', response: '2025-03-03 10:00' }]),
      fileOf('B_x.csv', [{ id: '1', vendor: 'B', created: '2025-03-03 10:00' }], { first_response: false }),
    ], { asOf: '2025-03-10 00:00' })
    const a = r.vendors.find(v => v.vendor === 'A')!
    const b = r.vendors.find(v => v.vendor === 'B')!
    expect(a.first_response_avg_min).toBe(0)
    expect(a.grades.first_response_avg_min).toBe('excellent')
    expect(b.first_response_avg_min).toBeNull()
    expect(b.sla_response_rate).toBeNull() // unknown, not a breach
    expect(b.grades.first_response_avg_min).toBeNull()
    expect(b.tickets).toBe(1)
  })
})

describe('sla_response_rate', () => {
  it('counts unanswered tickets only once they are past their target at as_of', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: 'met', priority: 'P1', created: '2025-03-03 10:00', response: '2025-03-03 10:30' }, // 30 ≤ 30: met
      { id: 'late', priority: 'P2', created: '2025-03-03 10:00', response: '2025-03-03 12:01' }, // 121 > 120
      { id: 'open-late', priority: 'P1', created: '2025-03-03 11:00' }, // 60 min at as_of > 30: eligible, not met
      { id: 'open-young', priority: 'P3', created: '2025-03-03 11:00' }, // 60 < 240: not eligible yet
    ])], { asOf: '2025-03-03 12:00' })
    expect(r.overall.sla_response_rate).toBeCloseTo(1 / 3, 12)
    expect(r.priorities.find(p => p.priority === 'P1')!.sla_response_rate).toBeCloseTo(0.5, 12)
    expect(r.priorities.find(p => p.priority === 'P3')!.sla_response_rate).toBeNull()
  })

  it('off-hours: created outside Monday–Friday 09:00–18:00', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: 'sat', created: '2025-03-08 10:00', response: '2025-03-08 10:05' }, // Saturday, met
      { id: 'eve', created: '2025-03-04 18:00', response: '2025-03-04 23:00' }, // 18:00 is off-hours, 300 > 240
      { id: 'day', created: '2025-03-04 09:00', response: '2025-03-04 20:00' }, // 09:00 is office hours
    ])], { asOf: '2025-03-09 00:00' })
    expect(r.overall.offhours_sla_rate).toBeCloseTo(0.5, 12)
    expect(r.overall.sla_response_rate).toBeCloseTo(1 / 3, 12)
  })
})

describe('resolution, FCR and satisfaction', () => {
  const rows = [
    { id: '1', created: '2025-03-03 10:00', resolved: '2025-03-03 11:00', reopen: 0, csat: 10 },
    { id: '2', created: '2025-03-03 10:00', resolved: '2025-03-03 13:00', reopen: 2, csat: 6 },
    { id: '3', created: '2025-03-03 10:00', resolved: '2025-03-03 12:00', reopen: 0 },
    { id: '4', created: '2025-03-03 10:00', csat: 8 }, // open but rated
  ]
  it('resolution over resolved tickets, FCR over known reopen counts', async () => {
    const r = await reportFor([fileOf('a.csv', rows)], { asOf: '2025-03-04 00:00' })
    expect(r.overall.resolved).toBe(3)
    expect(r.overall.resolution_avg_min).toBeCloseTo(120, 9)
    expect(r.overall.resolution_max_min).toBeCloseTo(180, 9)
    expect(r.overall.resolution_p90_min).toBeCloseTo(168, 9) // 120 + 0.8 × 60
    expect(r.overall.fcr_rate).toBeCloseTo(2 / 3, 12)
    expect(r.overall.csat_avg).toBeCloseTo(8, 12) // all rated tickets, open ones too
    expect(r.overall.csat_response_rate).toBeCloseTo(2 / 3, 12) // rated among resolved
  })

  it('files without reopen or satisfaction columns add nothing to those KPIs', async () => {
    const r = await reportFor([
      fileOf('a.csv', rows),
      fileOf('b.csv', [{ id: 'b1', created: '2025-03-03 10:00', resolved: '2025-03-03 10:30' }], { reopen: false, satisfaction: false }),
    ], { asOf: '2025-03-04 00:00' })
    expect(r.overall.resolved).toBe(4)
    expect(r.overall.fcr_rate).toBeCloseTo(2 / 3, 12)
    expect(r.overall.csat_response_rate).toBeCloseTo(2 / 3, 12)
  })

  it('no eligible ticket gives NULL, never 0', async () => {
    const r = await reportFor([fileOf('a.csv', [{ id: '1', created: '2025-03-03 10:00' }])], { asOf: '2025-03-03 10:00' })
    for (const k of ['resolution_avg_min', 'fcr_rate', 'csat_avg', 'csat_response_rate', 'recovery_avg_min', 'recurrence_rate', 'sla_response_rate'] as const) {
      expect(r.overall[k], k).toBeNull()
    }
    expect(r.overall.resolved).toBe(0)
  })
})

describe('fault recovery', () => {
  it('over resolved faults, recovered_at defaulting to resolved_at', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: '1', fault: true, created: '2025-03-03 10:00', recovered: '2025-03-03 10:30', resolved: '2025-03-03 15:00' },
      { id: '2', fault: true, created: '2025-03-03 10:00', resolved: '2025-03-03 11:30' },
      { id: '3', fault: true, created: '2025-03-03 10:00' }, // not resolved
      { id: '4', fault: false, created: '2025-03-03 10:00', resolved: '2025-03-05 10:00' },
    ])], { asOf: '2025-03-06 00:00' })
    expect(r.overall.recovery_avg_min).toBeCloseTo(60, 9)
    expect(r.overall.recovery_p90_min).toBeCloseTo(84, 9) // 30 + 0.9 × 60
    expect(r.overall.grades.recovery_avg_min).toBe('excellent')
    expect(r.overall.scores.recovery_avg_min).toBeCloseTo(90, 9)
  })
})

describe('recurrence_rate', () => {
  it('a later ticket of the same vendor, customer and category within 30 days of resolution', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: 'a1', customer: 'c1', category: 'x', created: '2025-03-01 09:00', resolved: '2025-03-01 10:00' },
      { id: 'a2', customer: 'c1', category: 'x', created: '2025-03-31 09:59' }, // 29 d 23:59 after: recurs
      { id: 'b1', customer: 'c2', category: 'x', created: '2025-03-01 09:00', resolved: '2025-03-01 10:00' },
      { id: 'b2', customer: 'c2', category: 'x', created: '2025-03-31 10:01' }, // 30 d 1 min after: too late
      { id: 'c1', customer: 'c3', category: 'x', created: '2025-03-01 09:00', resolved: '2025-03-01 10:00' },
      { id: 'c2', customer: 'c3', category: 'y', created: '2025-03-02 09:00' }, // other category
      { id: 'd1', customer: 'c4', category: 'x', created: '2025-03-01 09:00', resolved: '2025-03-01 10:00' },
      { id: 'd2', customer: 'c4', category: 'x', created: '2025-03-01 09:30' }, // before resolution
      { id: 'e1', category: 'x', created: '2025-03-01 09:00', resolved: '2025-03-01 10:00' }, // no customer: not counted
    ])], { asOf: '2025-04-01 00:00' })
    expect(r.overall.recurrence_rate).toBeCloseTo(0.25, 12)
  })

  it('looks in all loaded tickets whatever the filters', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: 'a1', customer: 'c1', category: 'x', created: '2025-03-20 09:00', resolved: '2025-03-20 10:00' },
      { id: 'a2', customer: 'c1', category: 'x', created: '2025-04-02 09:00' },
    ])], { asOf: '2025-04-03 00:00', filters: { from: '2025-03', to: '2025-03' } })
    expect(r.overall.tickets).toBe(1)
    expect(r.overall.recurrence_rate).toBe(1)
  })
})

describe('channels', () => {
  it('distinct known channels without other; NULL when no file carries them', async () => {
    const r = await reportFor([
      fileOf('A_1.csv', [
        { id: '1', vendor: 'A', created: '2025-03-03 10:00', channel: 'phone' },
        { id: '2', vendor: 'A', created: '2025-03-03 10:00', channel: 'phone' },
        { id: '3', vendor: 'A', created: '2025-03-03 10:00', channel: 'wechat' },
        { id: '4', vendor: 'A', created: '2025-03-03 10:00', channel: 'other' },
      ]),
      fileOf('B_1.csv', [{ id: '1', vendor: 'B', created: '2025-03-03 10:00', channel: 'email' }], { channel: false }),
    ])
    expect(r.vendors.find(v => v.vendor === 'A')!.channels).toBe(2)
    expect(r.vendors.find(v => v.vendor === 'B')!.channels).toBeNull()
    expect(r.vendors.find(v => v.vendor === 'A')!.scores.channels).toBeCloseTo(40, 9)
  })
})

describe('backlog', () => {
  it('created before D+1 and not resolved before D+1, month ends', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: '1', created: '2025-01-31 10:00', resolved: '2025-02-01 00:00' }, // open at the end of Jan 31
      { id: '2', created: '2025-01-15 10:00', resolved: '2025-01-31 23:59' },
      { id: '3', created: '2025-02-10 10:00' },
      { id: '4', created: '2025-02-11 10:00', resolved: '2025-03-01 08:00' },
    ])], { asOf: '2025-03-01 08:00' })
    const jan = r.months.find(m => m.month === '2025-01')!
    const feb = r.months.find(m => m.month === '2025-02')!
    expect(jan.backlog_end).toBe(1)
    expect(feb.backlog_end).toBe(2)
    expect(r.backlog.find(d => d.day === '2025-02-01')!.backlog).toBe(0)
    expect(r.backlog.find(d => d.day === '2025-02-11')!.backlog).toBe(2)
  })
})

describe('duplicates', () => {
  it('the file loaded last wins and the loser is counted', async () => {
    const r = await reportFor([
      fileOf('a.csv', [{ id: '1', created: '2025-03-03 10:00', response: '2025-03-03 11:00' }, { id: '2', created: '2025-03-03 10:00' }]),
      fileOf('b.csv', [{ id: '1', created: '2025-03-03 10:00', response: '2025-03-03 10:10' }]),
    ], { asOf: '2025-03-04 00:00' })
    expect(r.overall.tickets).toBe(2)
    expect(r.overall.first_response_avg_min).toBeCloseTo(10, 9)
    expect(r.import.files.map(f => [f.file, f.loaded, f.duplicates])).toEqual([['a.csv', 1, 1], ['b.csv', 1, 0]])
  })

  it('the same ticket_id at two vendors is two tickets', async () => {
    const r = await reportFor([fileOf('a.csv', [
      { id: '1', vendor: 'A', created: '2025-03-03 10:00' },
      { id: '1', vendor: 'B', created: '2025-03-03 10:00' },
    ])])
    expect(r.overall.tickets).toBe(2)
  })
})
