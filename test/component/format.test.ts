import { describe, expect, it } from 'vitest'
import { addMonths, formatAsOf, formatDay, formatMonth, parseWallClock } from '../../src/i18n/dates'
import { monthDelta } from '../../src/i18n/delta'
import { durationParts, formatDuration, formatDurationTick, formatKpi, formatRate, kpiParts, NO_DATA } from '../../src/i18n/format'
import { translate } from '../../src/i18n/messages'
import { en } from '../../src/i18n/en'
import { zh } from '../../src/i18n/zh'

describe('durations', () => {
  it('reads minutes, hours and days as people say them', () => {
    expect(formatDuration('zh', 25)).toBe('25 分钟')
    expect(formatDuration('zh', 4.46)).toBe('4.5 分钟')
    expect(formatDuration('zh', 138)).toBe('2.3 小时')
    expect(formatDuration('zh', 2160)).toBe('1.5 天')
    expect(formatDuration('en', 25)).toBe('25 min')
    expect(formatDuration('en', 138)).toBe('2.3 h')
    expect(formatDuration('en', 2160)).toBe('1.5 d')
  })

  it('moves to the next unit instead of printing 60 分钟 or 24.0 小时', () => {
    expect(durationParts('zh', 59.7)).toEqual({ value: '1.0', unit: '小时' })
    expect(durationParts('zh', 1439)).toEqual({ value: '1.0', unit: '天' })
  })

  it('prints round axis ticks', () => {
    expect(formatDurationTick('zh', 120)).toBe('2 小时')
    expect(formatDurationTick('en', 2160)).toBe('1.5 d')
  })
})

describe('NULL means no data', () => {
  it('shows a dash, never 0', () => {
    expect(formatDuration('zh', null)).toBe(NO_DATA)
    expect(formatRate('en', null)).toBe(NO_DATA)
    expect(formatKpi('zh', 'csat_avg', null)).toBe(NO_DATA)
    expect(kpiParts('en', 'score', undefined)).toEqual({ value: NO_DATA, unit: '' })
  })
})

describe('KPI values', () => {
  it('formats each unit of the contract', () => {
    expect(formatKpi('zh', 'sla_response_rate', 0.8734)).toBe('87.3%')
    expect(formatKpi('en', 'tickets', 12345)).toBe('12,345')
    expect(formatKpi('zh', 'csat_avg', 8.44)).toBe('8.4')
    expect(formatKpi('en', 'first_response_avg_min', 45)).toBe('45 min')
    expect(formatKpi('zh', 'score', 87.06)).toBe('87.1')
  })
})

describe('dates', () => {
  it('formats months and days in both languages, without time-zone shifts', () => {
    expect(formatMonth('zh', '2026-11', 'long')).toBe('2026年11月')
    expect(formatMonth('en', '2026-11', 'short')).toBe('Nov 2026')
    expect(formatMonth('en', '2026-01', 'month')).toBe('Jan')
    expect(formatDay('zh', '2026-11-03')).toBe('11月3日')
    expect(formatDay('en', '2026-11-03')).toBe('Nov 3')
  })

  it('shows as_of as exported wall-clock time', () => {
    expect(formatAsOf('zh', '2026-11-30 23:59:00')).toBe('2026年11月30日 23:59')
    expect(formatAsOf('en', '2026-11-30 23:59:00')).toBe('Nov 30, 2026, 23:59')
    expect(formatAsOf('en', null)).toBe('—')
    expect(parseWallClock('nonsense')).toBeNaN()
  })

  it('shifts months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2025-12', 11)).toBe('2026-11')
  })
})

describe('month-over-month deltas', () => {
  it('moves rates in percentage points and colours by which way is better', () => {
    expect(monthDelta('en', 'fcr_rate', 0.9, 0.85, 'higher')).toEqual({ text: '5.0 pp', dir: 'up', tone: 'good' })
    expect(monthDelta('zh', 'first_response_avg_min', 30, 40, 'lower')).toEqual({ text: '25.0%', dir: 'down', tone: 'good' })
    expect(monthDelta('en', 'backlog_end', 120, 100, 'lower')).toEqual({ text: '20.0%', dir: 'up', tone: 'bad' })
    expect(monthDelta('en', 'tickets', 120, 100, null)?.tone).toBe('neutral')
  })

  it('has none when either month has no data', () => {
    expect(monthDelta('zh', 'csat_avg', null, 8, 'higher')).toBeNull()
    expect(monthDelta('zh', 'tickets', 5, 0, null)).toBeNull()
  })
})

describe('dictionaries', () => {
  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
    for (const v of [...Object.values(en), ...Object.values(zh)]) expect(v.trim()).not.toBe('')
  })

  it('fill placeholders as text', () => {
    expect(translate('en', 'overview.tickets', { n: '<b>3</b>' })).toBe('<b>3</b> tickets')
  })
})
