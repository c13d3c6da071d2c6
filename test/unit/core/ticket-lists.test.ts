import type { TicketListRow } from '../../../src/core/monthly-types'
import type { T } from '../helpers/tickets'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { Dataset } from '../../../src/core/dataset'
import { computeMonthly } from '../../../src/core/monthly'
import { resolveFilters } from '../../../src/core/sql/filter-sql'
import { breachBoardQuery, longestResolutionsQuery, recurredQuery, slaBreachesQuery } from '../../../src/core/sql/ticket-lists'
import { engine } from '../helpers/engine'
import { fileOf, ms } from '../helpers/tickets'

// as_of 2026-06-10 12:00. Targets: P1 30, P2 120, P3 240, P4 480 minutes.
const AS_OF = '2026-06-10 12:00'
const TICKETS: T[] = [
  { id: 'p1-young', priority: 'P1', created: '2026-06-10 11:50' }, // unanswered 10 min: not yet late, not eligible
  { id: 'p1-old', priority: 'P1', created: '2026-06-10 11:00' }, // unanswered 60 min: 30 over
  { id: 'p1-edge', priority: 'P1', created: '2026-06-10 11:30' }, // unanswered exactly 30 min: not over (> target)
  { id: 'p2-ontime', priority: 'P2', created: '2026-06-01 09:00', response: '2026-06-01 11:00', resolved: '2026-06-01 12:00' }, // exactly on target: met
  { id: 'p2-late', priority: 'P2', created: '2026-06-01 09:00', response: '2026-06-01 11:01', resolved: '2026-06-03 09:00' }, // 1 min late
  { id: 'p4-late', priority: 'P4', created: '2026-06-02 09:00', response: '2026-06-02 19:00', resolved: '2026-06-02 20:00' }, // 600 − 480 = 120 over
  { id: 'p3-open', priority: 'P3', created: '2026-06-05 12:00', response: '2026-06-05 12:10' }, // answered in time, open 5 days
  { id: 'may', priority: 'P1', created: '2026-05-20 09:00' }, // another month
]
// A file without any first-response column: never a breach, however old.
const NO_RESPONSE_COLUMN: T[] = [{ id: 'jira-1', vendor: 'J', priority: 'P1', created: '2026-06-01 09:00' }]
// Recurrence: the same customer and category come back 2 days after the resolution.
const RECUR: T[] = [
  { id: 'r1', vendor: 'R', customer: 'c', category: 'x', created: '2026-06-01 09:00', response: '2026-06-01 09:05', resolved: '2026-06-01 10:00' },
  { id: 'r2', vendor: 'R', customer: 'c', category: 'x', created: '2026-06-03 10:00', response: '2026-06-03 10:05', resolved: '2026-06-03 11:00' },
]

const asOfMs = ms(AS_OF)
async function rows(q: (f: Awaited<ReturnType<typeof resolveFilters>>, a: number, n: number) => string, filters = { from: '2026-06', to: '2026-06' }): Promise<TicketListRow[]> {
  const e = await engine()
  return e.query<TicketListRow>(q(await resolveFilters(e, filters), asOfMs, 50))
}

beforeAll(async () => {
  const ds = await Dataset.open(await engine(), DEFAULT_CONFIG)
  await ds.add([fileOf('a.csv', TICKETS), fileOf('jira.csv', NO_RESPONSE_COLUMN, { first_response: false }), fileOf('r.csv', RECUR)])
})

describe('ticket lists against the contract\'s SLA eligibility', () => {
  it('breaches: late answers and unanswered tickets past their target, furthest over first', async () => {
    const r = await rows(slaBreachesQuery)
    expect(r.map(x => [x.ticket_id, x.sla_state, x.over_min])).toEqual([['p4-late', 'late', 120], ['p1-old', 'unanswered', 30], ['p2-late', 'late', 1]])
  })

  it('the breach board: unanswered past target now, then the longest open, then late answers', async () => {
    const r = await rows(breachBoardQuery)
    expect(r.map(x => [x.ticket_id, x.sla_state, x.open_min])).toEqual([
      ['p1-old', 'unanswered', 60],
      ['jira-1', null, 9 * 1440 + 3 * 60], // open, and never a breach: its file has no first responses
      ['p3-open', null, 5 * 1440],
      ['p1-edge', null, 30],
      ['p1-young', null, 10],
      ['p4-late', 'late', null],
      ['p2-late', 'late', null],
    ])
    expect(r.some(x => x.ticket_id === 'jira-1' && x.sla_state !== null)).toBe(false)
    expect(r.find(x => x.ticket_id === 'p1-young')?.over_min).toBe(-20)
  })

  it('follows the filters: a vendor and a month', async () => {
    expect((await rows(breachBoardQuery, { from: '2026-05', to: '2026-05' })).map(x => x.ticket_id)).toEqual(['may'])
    const e = await engine()
    const f = await resolveFilters(e, { vendors: ['J'] })
    expect((await e.query<TicketListRow>(breachBoardQuery(f, asOfMs, 10))).map(x => [x.ticket_id, x.sla_state])).toEqual([['jira-1', null]])
  })

  it('longest resolutions and recurred tickets', async () => {
    expect((await rows(longestResolutionsQuery)).map(x => [x.ticket_id, x.resolution_min, x.resolved_at])).toEqual([
      ['p2-late', 2880, '2026-06-03 09:00:00'], ['p4-late', 660, '2026-06-02 20:00:00'], ['p2-ontime', 180, '2026-06-01 12:00:00'], ['r1', 60, '2026-06-01 10:00:00'], ['r2', 60, '2026-06-03 11:00:00'],
    ])
    expect((await rows(recurredQuery)).map(x => [x.ticket_id, x.next_created_at, x.recur_after_min])).toEqual([['r1', '2026-06-03 10:00:00', 2880 + 60 - 60]])
  })

  it('the monthly report: M and M − 1, the worst lists, the trend months', async () => {
    const m = await computeMonthly(await engine(), DEFAULT_CONFIG, {}, '2026-06', { files: [], rejected: [] }, { text: AS_OF, ms: asOfMs })
    expect(m.previous_month).toBe('2026-05')
    expect(m.current.filters).toMatchObject({ from: '2026-06', to: '2026-06' })
    expect(m.previous.overall.tickets).toBe(1)
    expect(m.worst.breaches.map(x => x.ticket_id)).toEqual(['p4-late', 'p1-old', 'p2-late'])
    expect(m.trend_months).toHaveLength(12)
    expect(m.trend_months.at(-1)).toBe('2026-06')
    for (const v of m.current.vendors) {
      const p = m.trend.find(x => x.vendor === v.vendor && x.month === '2026-06')
      expect(p?.rank).toBe(v.rank)
      if (v.score === null) expect(p?.score).toBeNull()
      else expect(p?.score).toBeCloseTo(v.score, 9)
    }
  })
})

