import { describe, expect, it } from 'vitest'
import {
  detectSatisfactionScale, isBlank, isFaultText, normalizeChannel, normalizePriority, normalizeSatisfaction, parseDecimal,
  parseDuration, parseReopenCount, parseYesNo, satisfactionLabel,
} from '../../../src/core/normalize'

describe('normalizePriority', () => {
  it.each([
    ['紧急', 'P1'], ['非常紧急', 'P1'], ['特急', 'P1'], ['Urgent', 'P1'], ['critical', 'P1'], ['Highest', 'P1'], ['1', 'P1'],
    ['1 - Critical', 'P1'], ['P1', 'P1'], ['P0', 'P1'], ['Blocker', 'P1'], ['一级', 'P1'],
    ['高', 'P2'], ['较高', 'P2'], ['High', 'P2'], ['2', 'P2'], ['2 - High', 'P2'], ['p2', 'P2'], ['Sev 2', 'P2'], ['Major', 'P2'],
    ['中', 'P3'], ['普通', 'P3'], ['一般', 'P3'], ['Normal', 'P3'], ['Medium', 'P3'], ['moderate', 'P3'], ['3', 'P3'], ['3 - Moderate', 'P3'],
    ['低', 'P4'], ['较低', 'P4'], ['Low', 'P4'], ['Lowest', 'P4'], ['Planning', 'P4'], ['4', 'P4'], ['5', 'P4'], ['4 - Low', 'P4'],
    ['5 - Planning', 'P4'], ['不紧急', 'P4'], ['Trivial', 'P4'],
    ['高优先级', 'P2'], ['紧急（2小时内）', 'P1'],
    ['', 'P3'], ['-', 'P3'], ['whatever', 'P3'],
  ])('%j -> %s', (text, expected) => {
    expect(normalizePriority(text)).toBe(expected)
  })
})

describe('normalizeChannel', () => {
  it.each([
    ['电话', 'phone'], ['Phone', 'phone'], ['phone call', 'phone'], ['Phone call (incoming)', 'phone'], ['Phone call (outgoing)', 'phone'],
    ['热线', 'phone'], ['400', 'phone'], ['400热线', 'phone'], ['Voicemail', 'phone'],
    ['在线客服', 'im'], ['IM', 'im'], ['Chat', 'im'], ['在线', 'im'], ['钉钉', 'im'], ['企业微信', 'im'], ['Messaging', 'im'], ['virtual_agent', 'im'],
    ['工单', 'ticket'], ['Web form', 'ticket'], ['web', 'ticket'], ['Portal', 'ticket'], ['self-service', 'ticket'], ['Self-service', 'ticket'],
    ['系统', 'ticket'], ['API', 'ticket'], ['Feedback Widget', 'ticket'], ['在线工单', 'ticket'], ['电话工单', 'phone'],
    ['邮件', 'email'], ['Email', 'email'], ['mail', 'email'], ['Outbound Email', 'email'], ['e-mail', 'email'],
    ['微信', 'wechat'], ['WeChat', 'wechat'], ['微信公众号', 'wechat'],
    ['上门', 'onsite'], ['现场', 'onsite'], ['walk-in', 'onsite'], ['Walk-in', 'onsite'], ['onsite', 'onsite'],
    ['Twitter', 'other'], ['短信', 'other'], ['Closed ticket', 'other'],
    ['', null], ['N/A', null],
  ])('%j -> %s', (text, expected) => {
    expect(normalizeChannel(text)).toBe(expected)
  })
})

describe('isFaultText', () => {
  it.each([
    ['故障', true], ['系统故障', true], ['宕机', true], ['Incident', true], ['incident', true], ['Outage', true], ['Problem', true],
    ['Bug', true], ['[System] Bug', true], ['非故障', false], ['无故障', false], ['咨询', false], ['Service Request', false],
    ['Question', false], ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(isFaultText(text)).toBe(expected)
  })
})

describe('parseYesNo', () => {
  it.each([
    ['是', true], ['否', false], ['yes', true], ['No', false], ['TRUE', true], ['false', false], ['1', true], ['0', false],
    ['Y', true], ['n', false], ['√', true], ['maybe', null], ['', null],
  ])('%j -> %s', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected)
  })
})

describe('parseReopenCount', () => {
  it.each([
    ['0', 0], ['3', 3], ['2.0', 2], ['', 0], ['-', 0], ['是', 1], ['否', 0], ['Yes', 1], ['no', 0],
  ])('%j -> %s', (text, expected) => {
    expect(parseReopenCount(text)).toBe(expected)
  })
  it.each(['-1', '1.5', 'often'])('%j is not understood', (text) => {
    expect(parseReopenCount(text)).toBeNaN()
  })
})

describe('parseDecimal', () => {
  it.each([['42', 42], ['4.5', 4.5], ['-3', -3], ['+3', 3], ['1,234', 1234], ['1,234,567.5', 1234567.5]])('%j -> %s', (text, n) => {
    expect(parseDecimal(text)).toBe(n)
  })
  it.each(['', '1e3', '0x10', '1,5', '1234,567', '12,34', '4.', '.5', '4 5', 'Infinity'])('%j is not a number', (text) => {
    expect(parseDecimal(text)).toBeNaN()
  })
})

describe('parseDuration', () => {
  it.each([
    ['90', 'min', 90], ['1.5', 'hours', 90], ['0', 'min', 0], ['01:30', 'min', 90], ['1:30:30', 'hours', 90.5], ['36:00', 'min', 2160],
    ['1h 30m', 'min', 90], ['1h30m', 'hours', 90], ['2d 3h', 'min', 2 * 1440 + 180], ['45s', 'min', 0.75], ['90 min', 'hours', 90],
    ['1.5 hours', 'min', 90], ['1小时30分钟', 'min', 90], ['2天3小时', 'min', 2 * 1440 + 180], ['30分', 'min', 30],
  ] as const)('%j (%s) -> %s min', (text, unit, minutes) => {
    expect(parseDuration(text, unit)).toBeCloseTo(minutes, 9)
  })
  it.each(['-5', '-01:30', 'soon', '1h foo', '10:75', '1:2:3:4', '5 weeks'])('%j is not a duration', (text) => {
    expect(parseDuration(text, 'min')).toBeNaN()
  })
})

describe('satisfaction', () => {
  it.each([
    ['非常满意', 10], ['very satisfied', 10], ['Very Satisfied', 10], ['满意', 8], ['satisfied', 8], ['一般', 6], ['neutral', 6],
    ['不满意', 4], ['dissatisfied', 4], ['非常不满意', 2], ['very dissatisfied', 2], ['good', 10], ['Good', 10], ['bad', 0],
    ['Extremely satisfied', 10], ['Extremely dissatisfied', 0],
    ['offered', null], ['Offered', null], ['not offered', null], ['Not Offered', null], ['unoffered', null],
  ])('label %j -> %s', (text, expected) => {
    expect(satisfactionLabel(text)).toBe(expected)
    expect(normalizeSatisfaction(text, null)).toBe(expected)
  })

  it('detects the scale of a column', () => {
    expect(detectSatisfactionScale(['1', '5', '3', '', 'offered'])).toBe('1-5')
    expect(detectSatisfactionScale(['1', '5', '4.5'])).toBe('0-10')
    expect(detectSatisfactionScale(['0', '5', '3'])).toBe('0-10')
    expect(detectSatisfactionScale(['1', '5', '8'])).toBe('0-10')
    expect(detectSatisfactionScale(['10', '9.5'])).toBe('0-10')
    expect(detectSatisfactionScale(['80', '100', '5'])).toBe('0-100')
    expect(detectSatisfactionScale(['150'])).toBeNull()
    expect(detectSatisfactionScale(['-1', '3'])).toBeNull()
    expect(detectSatisfactionScale(['good', 'bad', ''])).toBeNull()
    expect(detectSatisfactionScale(['4分', '5分'])).toBe('1-5')
  })

  it('normalizes a value on its scale', () => {
    expect(normalizeSatisfaction('4', '1-5')).toBe(8)
    expect(normalizeSatisfaction('4.5', '1-5')).toBe(9)
    expect(normalizeSatisfaction('4.5', '0-10')).toBe(4.5)
    expect(normalizeSatisfaction('85', '0-100')).toBe(8.5)
    expect(normalizeSatisfaction('5分', '1-5')).toBe(10)
    expect(normalizeSatisfaction('', '1-5')).toBeNull()
    expect(normalizeSatisfaction('满意', '0-100')).toBe(8)
    expect(normalizeSatisfaction('6', '1-5')).toBeNaN()
    expect(normalizeSatisfaction('101', '0-100')).toBeNaN()
    expect(normalizeSatisfaction('meh', '1-5')).toBeNaN()
    expect(normalizeSatisfaction('3', null)).toBeNaN()
  })
})

describe('isBlank', () => {
  it.each(['', '-', '--', 'N/A', 'null', 'NULL', '无', '0000-00-00 00:00:00'])('%j is blank', (text) => {
    expect(isBlank(text)).toBe(true)
  })
  it.each(['0', 'No', 'x'])('%j is a value', (text) => {
    expect(isBlank(text)).toBe(false)
  })
})
