import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { withDemoSettings } from '../../../src/core/config-demo'
import { mergeConfig } from '../../../src/core/config-merge'
import { CN_HOLIDAYS_2025_2026, chinaOfficeCalendar } from '../../../src/core/presets/calendar-presets'

describe('the demo\'s own settings', () => {
  it('fill in only what the user left at its default', () => {
    expect(withDemoSettings(DEFAULT_CONFIG, { headcount: 40 }).headcount).toEqual({ default: 40 })
    const user = mergeConfig({ headcount: { A: 12 }, ratings: { A: 7 } })
    const shown = withDemoSettings(user, { headcount: 40, ratings: { B: 1 } })
    expect(shown.headcount).toEqual({ A: 12 })
    expect(shown.ratings).toEqual({ A: 7 })
  })

  it('never change the user\'s config itself', () => {
    const user = mergeConfig({})
    withDemoSettings(user, { headcount: 40 })
    expect(user.headcount).toEqual({})
  })
})

describe('the mainland China preset', () => {
  it('is a valid calendar with 2025 and 2026 holidays and make-up days', () => {
    const cal = chinaOfficeCalendar()
    expect(mergeConfig({ calendars: { default: cal } }).calendars.default).toEqual(cal)
    expect(CN_HOLIDAYS_2025_2026.holidays.every(d => d.startsWith('2025') || d.startsWith('2026'))).toBe(true)
    // 春节 2025: 28 Jan – 4 Feb off, Sunday 26 Jan and Saturday 8 Feb worked.
    expect(cal.holidays).toEqual(expect.arrayContaining(['2025-01-28', '2025-02-04', '2025-10-08']))
    expect(cal.workdays).toEqual(expect.arrayContaining(['2025-01-26', '2025-02-08']))
    expect(cal.holidays.filter(d => cal.workdays.includes(d))).toEqual([])
  })
})
