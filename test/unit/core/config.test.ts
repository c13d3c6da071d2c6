import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { mergeConfig, validateConfig } from '../../../src/core/config-merge'

function errorsOf(json: unknown): { path: string, reason: string }[] {
  const r = validateConfig(json)
  if (r.ok) throw new Error('expected the config to be refused')
  return r.errors
}

describe('validateConfig', () => {
  it('an empty config is the defaults; the demo config and the documented example stay valid', () => {
    expect(validateConfig({})).toEqual({ ok: true, config: DEFAULT_CONFIG })
    const demo = validateConfig(JSON.parse(readFileSync('data/demo-config.json', 'utf8')))
    expect(demo.ok && demo.config.headcount).toEqual({ default: 40 })
    const doc = validateConfig({ headcount: 40, slaTargetsMin: { P1: 15 }, anchors: { first_response_avg_min: [0, 20, 90, 600, 2880] }, dimensions: { reputation: { weight: 30 } } })
    expect(doc.ok && [doc.config.slaTargetsMin, doc.config.dimensions.reputation.weight]).toEqual([{ P1: 15, P2: 120, P3: 240, P4: 480 }, 30])
  })

  it('every JSON example in docs/kpis.md is a valid config', () => {
    const blocks = [...readFileSync('docs/kpis.md', 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map(m => JSON.parse(m[1]!))
    expect(blocks.length).toBeGreaterThan(0)
    for (const b of blocks) expect(validateConfig(b)).toMatchObject({ ok: true })
  })

  it('a full config round-trips through JSON unchanged', () => {
    const full = mergeConfig({
      headcount: { default: 40, A: 12 },
      calendars: { default: { days: [1, 2, 3, 4, 5], hours: [['13:30', '18:00'], ['09:00', '12:00']], holidays: ['2025-01-28'], workdays: ['2025-01-26'] }, B: '7x24' },
      ratings: { A: 8.5 },
      score_business_hours: true,
      dimensions: { external: { weight: 10 } },
    })
    expect(full.calendars.default).toEqual({ days: [1, 2, 3, 4, 5], hours: [['09:00', '12:00'], ['13:30', '18:00']], holidays: ['2025-01-28'], workdays: ['2025-01-26'] })
    expect(validateConfig(JSON.parse(JSON.stringify(full)))).toEqual({ ok: true, config: full })
  })

  it('fills a calendar\'s defaults: Monday–Friday, 09:00–18:00, no holidays', () => {
    expect(mergeConfig({ calendars: { A: {} } }).calendars.A).toEqual({ days: [1, 2, 3, 4, 5], hours: [['09:00', '18:00']], holidays: [], workdays: [] })
  })

  it.each([
    [{ colour: 1 }, 'colour', /unknown key/],
    [{ anchors: { csat_avg: [10, 9, 7] } }, 'anchors.csat_avg', /5 numbers/],
    [{ anchors: { csat_avg: [10, 5, 7, 5, 0] } }, 'anchors.csat_avg', /one direction/],
    [{ anchors: { speed: [0, 1, 2, 3, 4] } }, 'anchors.speed', /unknown key/],
    [{ slaTargetsMin: { P1: -5 } }, 'slaTargetsMin.P1', /more than 0/],
    [{ slaTargetsMin: { P9: 5 } }, 'slaTargetsMin.P9', /unknown key/],
    [{ dimensions: { reputation: { weight: '20' } } }, 'dimensions.reputation.weight', /must be a number/],
    [{ dimensions: { external: { kpis: ['csat_avg'] } } }, 'dimensions.external.kpis', /takes no KPIs/],
    [{ headcount: 0 }, 'headcount', /more than 0/],
    [{ headcount: { A: 'ten' } }, 'headcount.A', /must be a number/],
    [{ ratings: { A: 11 } }, 'ratings.A', /0\.\.10/],
    [{ score_business_hours: 'yes' }, 'score_business_hours', /true or false/],
    [{ calendars: { A: '5x8' } }, 'calendars.A', /"7x24" or/],
    [{ calendars: { A: { days: [0, 1] } } }, 'calendars.A.days[0]', /ISO weekday/],
    [{ calendars: { A: { hours: [['18:00', '09:00']] } } }, 'calendars.A.hours[0]', /starts at or after its end/],
    [{ calendars: { A: { hours: [['9:00', '12:00']] } } }, 'calendars.A.hours[0]', /HH:MM/],
    [{ calendars: { A: { hours: [['09:00', '12:30'], ['12:00', '18:00']] } } }, 'calendars.A.hours', /overlap/],
    [{ calendars: { A: { holidays: ['2025-02-30'] } } }, 'calendars.A.holidays[0]', /not a date/],
    [{ calendars: { A: { workdays: '2025-01-26' } } }, 'calendars.A.workdays', /list of dates/],
    [{ calendars: { A: { lunch: true } } }, 'calendars.A.lunch', /unknown key/],
    [{ businessHours: { start: 18, end: 9 } }, 'businessHours', /before end/],
  ])('refuses %j at %s', (json, path, reason) => {
    const errors = errorsOf(json)
    expect(errors.map(e => e.path)).toContain(path)
    expect(errors.find(e => e.path === path)!.reason).toMatch(reason)
  })

  it('lists every refused field, not just the first', () => {
    expect(errorsOf({ slaTargetsMin: { P1: 0 }, ratings: { A: -1 } }).map(e => e.path)).toEqual(['slaTargetsMin.P1', 'ratings.A'])
    expect(errorsOf([1, 2])).toEqual([{ path: '', reason: 'a config must be a JSON object' }])
  })

  it('mergeConfig throws "config: <path>: <reason>"', () => {
    expect(() => mergeConfig({ ratings: { A: 12 } })).toThrow(/^config: ratings\.A: must be a rating 0\.\.10, got 12$/)
  })

  it('24:00 closes a day; a date in both holidays and workdays is kept in both (workdays win)', () => {
    const c = mergeConfig({ calendars: { A: { hours: [['20:00', '24:00']], holidays: ['2025-01-26'], workdays: ['2025-01-26'] } } }).calendars.A
    expect(c).toMatchObject({ hours: [['20:00', '24:00']], holidays: ['2025-01-26'], workdays: ['2025-01-26'] })
  })
})
