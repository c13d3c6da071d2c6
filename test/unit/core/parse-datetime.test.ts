import { describe, expect, it } from 'vitest'
import { dayFirstEvidence, parseDateTime } from '../../../src/core/parse-datetime'

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms)
const MAR7_0905 = utc(2025, 3, 7, 9, 5)
const MAR7_090512 = utc(2025, 3, 7, 9, 5, 12)

describe('parseDateTime', () => {
  it.each([
    ['2025-03-07 09:05:12', MAR7_090512],
    ['2025-03-07T09:05:12', MAR7_090512],
    ['2025-03-07T09:05:12.345', utc(2025, 3, 7, 9, 5, 12, 345)],
    ['2025-03-07T09:05:12.3', utc(2025, 3, 7, 9, 5, 12, 300)],
    ['2025-03-07 09:05:12.123456', utc(2025, 3, 7, 9, 5, 12, 123)],
    ['2025-03-07T09:05:12.123+08:00', utc(2025, 3, 7, 9, 5, 12, 123)],
    ['2025-03-07 9:05:12', MAR7_090512],
    ['2025-03-07 09:05', MAR7_0905],
    ['2025/3/7 9:05', MAR7_0905],
    ['2025/03/07 09:05:12', MAR7_090512],
    ['2025-3-7', utc(2025, 3, 7)],
    ['2025.3.7 9:05', MAR7_0905],
    ['07/Mar/25 9:05 AM', MAR7_0905],
    ['07/Mar/25 9:05 PM', utc(2025, 3, 7, 21, 5)],
    ['07/mar/25 12:05 AM', utc(2025, 3, 7, 0, 5)],
    ['07/Mar/25 12:05 PM', utc(2025, 3, 7, 12, 5)],
    ['07/Mar/2025 09:05', MAR7_0905],
    ['07/三月/25 9:05 上午', MAR7_0905],
    ['07/3月/25 3:05 下午', utc(2025, 3, 7, 15, 5)],
    ['2025年3月7日 09:05', MAR7_0905],
    ['2025年3月7日 9时5分', MAR7_0905],
    ['2025年3月7日 9时5分12秒', MAR7_090512],
    ['2025年03月07日', utc(2025, 3, 7)],
    ['2025年3月7日下午3点半', utc(2025, 3, 7, 15, 30)],
    ['2025/3/7 下午3:05', utc(2025, 3, 7, 15, 5)],
    ['2025/3/7 上午 9:05', MAR7_0905],
    ['2025/3/7 下午 15:05', utc(2025, 3, 7, 15, 5)],
    ['2025/3/7 中午12:30', utc(2025, 3, 7, 12, 30)],
    ['2025/3/7 晚上8:00', utc(2025, 3, 7, 20)],
    ['3/7/2025 9:05 AM', MAR7_0905],
    ['3/7/2025 9:05 p.m.', utc(2025, 3, 7, 21, 5)],
    ['3/7/25 9:05', MAR7_0905],
    ['13/3/2025 9:05', utc(2025, 3, 13, 9, 5)],
    ['07.03.2025 09:05', MAR7_0905],
    ['Mar 7, 2025 9:05 AM', MAR7_0905],
    ['March 7 2025', utc(2025, 3, 7)],
    ['7 Mar 2025 09:05', MAR7_0905],
    ['20250307', utc(2025, 3, 7)],
    ['  2025-03-07 09:05  ', MAR7_0905],
    ['2024-02-29', utc(2024, 2, 29)],
    ['2000-02-29', utc(2000, 2, 29)],
    ['1999-12-31 23:59:59', utc(1999, 12, 31, 23, 59, 59)],
  ])('%s', (text, expected) => {
    expect(parseDateTime(text)).toBe(expected)
  })

  it.each([
    '2025-03-07 09:05:12 +0800', '2025-03-07 09:05:12+08:00', '2025-03-07T09:05:12Z', '2025-03-07 09:05:12 UTC',
    '2025-03-07 09:05:12 GMT+8', '2025-03-07T09:05:12-05:00', '2025-03-07 09:05:12 CST', '2025-03-07 09:05:12+0800',
  ])('drops the zone of %s and keeps the wall clock', (text) => {
    expect(parseDateTime(text)).toBe(MAR7_090512)
  })

  it('reads Excel serials in the 1900 and 1904 systems, rounded to the nearest second', () => {
    expect(parseDateTime('45723.378472')).toBe(MAR7_0905)
    expect(parseDateTime('45723')).toBe(utc(2025, 3, 7))
    expect(parseDateTime('44261.378472', { date1904: true })).toBe(MAR7_0905)
    // 0.4999 s past 09:05:12 rounds down, 0.5 s rounds up
    expect(parseDateTime(String(45723 + (9 * 3600 + 5 * 60 + 12.4) / 86400))).toBe(MAR7_090512)
    expect(parseDateTime(String(45723 + (9 * 3600 + 5 * 60 + 12.6) / 86400))).toBe(MAR7_090512 + 1000)
  })

  it('does not take small numbers or epoch seconds as serials', () => {
    expect(parseDateTime('30')).toBeNull()
    expect(parseDateTime('2025')).toBeNull()
    expect(parseDateTime('1741338300')).toBeNull()
  })

  it.each([
    '', '   ', 'abc', '2025-02-30', '2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-03-07 25:00',
    '2025-03-07 24:00', '2025-03-07 09:60', '2025-03-07 09:05:61', '2025-03-07 09', '2025-03-07 09:05 foo', '2025-03/07',
    '3/7/2025 13:05 AM', '2025年13月1日', '2025年3月7', '32/3/2025', '13/13/2025', '0000-00-00', 'Foo 7, 2025', '2025-03-0709:05',
    '07/Mar/2025 0:05 PM',
  ])('rejects %j', (text) => {
    expect(parseDateTime(text)).toBeNull()
  })

  describe('day/month order of year-last slash dates', () => {
    it('is month first unless the first part is over 12', () => {
      expect(parseDateTime('3/7/2025')).toBe(utc(2025, 3, 7))
      expect(parseDateTime('12/11/2025')).toBe(utc(2025, 12, 11))
      expect(parseDateTime('25/12/2025')).toBe(utc(2025, 12, 25))
    })
    it('is day first when the column showed day-first evidence', () => {
      expect(parseDateTime('3/7/2025', { dayFirst: true })).toBe(utc(2025, 7, 3))
    })
    it('reports the evidence of one value', () => {
      expect(dayFirstEvidence('13/3/2025 9:05')).toBe(1)
      expect(dayFirstEvidence('3/13/2025')).toBe(-1)
      expect(dayFirstEvidence('3/7/2025')).toBe(0)
      expect(dayFirstEvidence('2025/3/13')).toBe(0)
      expect(dayFirstEvidence('07/Mar/25')).toBe(0)
    })
  })
})
