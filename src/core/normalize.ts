/**
 * Cell value normalizers of the canonical ticket (KPI contract, section 1). Inputs are
 * trimmed cells; "not understood" is NaN for numbers and null for the rest unless noted.
 */
import type { Channel, Priority } from './schema'

// Placeholders that exports write for NULL: treated as an empty cell everywhere.
export const NULL_PLACEHOLDERS: ReadonlySet<string> = new Set([
  '-', '--', '---', '—', '——', '/', '?', '？', '??', 'n/a', 'N/A', 'NA', 'na', 'n.a.', '#N/A', 'null', 'NULL', 'Null', 'none', 'None', 'NONE',
  'nil', '无', '空', '暂无', '(空)', '（空）', '(blank)', '0000-00-00', '0000-00-00 00:00:00',
])

// Most cells cannot be a placeholder by their first character: no string hashing for them.
const PLACEHOLDER_FIRST = new Uint8Array(65536)
for (const p of NULL_PLACEHOLDERS) PLACEHOLDER_FIRST[p.charCodeAt(0)] = 1

/** A trimmed cell that holds no value: empty, or a NULL placeholder such as "-", "N/A", "无". */
export function isBlank(cell: string): boolean {
  return cell.length === 0 || (cell.length <= 19 && PLACEHOLDER_FIRST[cell.charCodeAt(0)] === 1 && NULL_PLACEHOLDERS.has(cell))
}

/** Remembers results per distinct text: these columns hold a handful of distinct values. */
function memo<T>(cache: Map<string, T>, text: string, compute: (text: string) => T): T {
  const hit = cache.get(text)
  if (hit !== undefined || cache.has(text)) return hit as T
  const value = compute(text)
  if (cache.size < 10_000) cache.set(text, value)
  return value
}

const PRIORITY_WORDS = new Map<string, Priority>()
const addPriority = (p: Priority, words: string[]): void => words.forEach((w) => PRIORITY_WORDS.set(w, p))
addPriority('P1', ['紧急', '非常紧急', '特急', '加急', '最高', '致命', '非常严重', 'urgent', 'critical', 'highest', 'blocker', 'emergency', 'immediate'])
addPriority('P2', ['高', '较高', '重要', '严重', 'high', 'major'])
// Jira's old scheme Blocker/Critical/Major/Minor/Trivial: minor is below major but not "low".
addPriority('P3', ['中', '普通', '一般', '正常', '中等', '常规', 'normal', 'medium', 'moderate', 'minor'])
addPriority('P4', ['低', '较低', '最低', '不紧急', '轻微', '提示', 'low', 'lowest', 'planning', 'trivial'])

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 }
const LEVEL = /^(?:p|s|sev|severity|priority|level|l)?\s*([0-9]+)\b|^([0-9一二三四五])\s*级/i
const PRIORITY_FALLBACK: [RegExp, Priority][] = [
  [/不紧急|不急|最低|lowest/, 'P4'],
  [/紧急|特急|urgent|critical|highest|最高|blocker|致命/, 'P1'],
  [/high|高|major|重要|严重/, 'P2'],
  [/low|低|planning|trivial|轻微/, 'P4'],
]
const priorityCache = new Map<string, Priority | null>()

/**
 * P1..P4. Levels by number ('1', 'P1', '1 - Critical', 'Sev 2', '一级'): 0/1 -> P1, 2, 3,
 * 4 and above -> P4. Then words, then words contained in a longer text; anything else P3.
 */
export function normalizePriority(text: string): Priority {
  return isBlank(text) ? 'P3' : memo(priorityCache, text, computePriority) ?? 'P3'
}

/** The priority a text names, null when it names none (normalizePriority then takes P3). */
export function priorityOf(text: string): Priority | null {
  return isBlank(text) ? null : memo(priorityCache, text, computePriority)
}

/** How a priority text was understood: a word, a numbered level, or a word inside a longer text. */
export function priorityKind(text: string): 'word' | 'level' | 'contains' | null {
  const t = text.trim().toLowerCase()
  if (PRIORITY_WORDS.has(t)) return 'word'
  if (LEVEL.test(t)) return 'level'
  return PRIORITY_FALLBACK.some(([pattern]) => pattern.test(t)) ? 'contains' : null
}

function computePriority(text: string): Priority | null {
  const t = text.toLowerCase()
  const word = PRIORITY_WORDS.get(t)
  if (word !== undefined) return word
  const level = LEVEL.exec(t)
  if (level !== null) {
    const n = level[1] !== undefined ? Number(level[1]) : CN_DIGITS[level[2] ?? ''] ?? Number(level[2])
    return n <= 1 ? 'P1' : n === 2 ? 'P2' : n === 3 ? 'P3' : 'P4'
  }
  for (const [pattern, p] of PRIORITY_FALLBACK) if (pattern.test(t)) return p
  return null
}

// First match wins, so the more specific words come first (企业微信 before 微信 before chat, voicemail before mail).
// 企业微信 (WeCom), 钉钉 and 飞书 are workplace IM, not the consumer WeChat channel.
const CHANNEL_RULES: [RegExp, Channel][] = [
  [/voicemail|电话|热线|400|phone|call|来电|呼叫|语音|voice|^tel/, 'phone'],
  [/企业微信|wecom/, 'im'],
  [/微信|wechat|公众号/, 'wechat'],
  [/工单|提单/, 'ticket'], // 在线工单 is a web ticket, not a chat
  [/钉钉|dingtalk|飞书|feishu|lark|在线|chat|^im$|messag|whatsapp|^qq$|teams|slack|virtual.?agent|机器人|智能客服/, 'im'],
  [/邮|mail/, 'email'],
  [/上门|现场|驻场|到场|walk|onsite|on.site/, 'onsite'],
  [/web|portal|self|自助|门户|网页|网站|系统|api|app|form|help.?center|widget|表单|平台|sdk|mobile/, 'ticket'],
]
const channelCache = new Map<string, Channel>()

/** phone, im, ticket, email, wechat, onsite; other for any other non-empty text; null when empty. */
export function normalizeChannel(text: string): Channel | null {
  return isBlank(text) ? null : memo(channelCache, text, computeChannel)
}

function computeChannel(text: string): Channel {
  const t = text.toLowerCase()
  for (const [pattern, channel] of CHANNEL_RULES) if (pattern.test(t)) return channel
  return 'other'
}

const FAULT_WORDS = /故障|宕机|incident|outage|problem|bug/i
// "非故障" (not a fault) contains 故障: a negated fault word is not a fault.
const NEGATED_FAULT = /(?:非|无|不是|不属于)(?:故障|宕机)/
const faultCache = new Map<string, boolean>()

/** Whether a category or type text means a fault (故障, 宕机, incident, outage, problem, bug). */
export function isFaultText(text: string): boolean {
  return !isBlank(text) && memo(faultCache, text, (t) => FAULT_WORDS.test(t) && !NEGATED_FAULT.test(t))
}

const YES_NO = new Map<string, boolean>()
;['是', '有', 'yes', 'y', 'true', 't', '1', '√', '✓', '✔', '已重开', 'reopened'].forEach((w) => YES_NO.set(w, true))
;['否', '没有', 'no', 'n', 'false', 'f', '0', '×', '✗', '✘', '未重开'].forEach((w) => YES_NO.set(w, false))

/** 是/否, yes/no, true/false, 1/0, Y/N ...; null when not a yes/no (or empty). */
export function parseYesNo(text: string): boolean | null {
  return YES_NO.get(text) ?? YES_NO.get(text.toLowerCase()) ?? null
}

/** reopen_count: an integer >= 0, or a yes/no (1/0); empty = 0; NaN when not understood. */
export function parseReopenCount(text: string): number {
  if (isBlank(text)) return 0
  const n = parseDecimal(text)
  if (Number.isInteger(n) && n >= 0) return n
  const yes = parseYesNo(text)
  return yes === null ? NaN : yes ? 1 : 0
}

/**
 * A plain decimal number: optional sign, digits with optional thousands commas
 * (1,234.5), optional fraction. NaN for anything else (no exponents, hex, units).
 */
export function parseDecimal(text: string): number {
  const n = text.length
  let i = text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43 ? 1 : 0
  let digits = 0
  let groupDigits = -1 // digits since the last comma; -1 = no comma seen
  let commas = false
  for (; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digits++
      if (groupDigits >= 0) groupDigits++
    } else if (c === 44) {
      if (digits === 0 || (groupDigits < 0 ? digits > 3 : groupDigits !== 3)) return NaN
      groupDigits = 0
      commas = true
    } else break
  }
  if (digits === 0 || (groupDigits >= 0 && groupDigits !== 3)) return NaN
  if (i < n) {
    if (text.charCodeAt(i) !== 46 || i === n - 1) return NaN
    for (let j = i + 1; j < n; j++) {
      const c = text.charCodeAt(j)
      if (c < 48 || c > 57) return NaN
    }
  }
  return Number(commas ? text.replace(/,/g, '') : text)
}

/** The unit of a duration column's plain numbers. */
export type DurationUnit = 'sec' | 'min' | 'hours' | 'days'
const PLAIN_UNIT_MINUTES: Record<DurationUnit, number> = { sec: 1 / 60, min: 1, hours: 60, days: 1440 }

const DURATION_PART = /(\d+(?:\.\d+)?)\s*(days?|d|天|日|hours?|hrs?|h|小时|时|minutes?|mins?|m|分钟|分|seconds?|secs?|s|秒)\s*/y
const UNIT_MINUTES: Record<string, number> = { d: 1440, 天: 1440, 日: 1440, h: 60, 小: 60, 时: 60, m: 1, 分: 1, s: 1 / 60, 秒: 1 / 60 }

/**
 * A duration in minutes: a plain number in the column's unit, 'hh:mm(:ss)', or parts
 * such as '1h 30m', '2d 3h', '1小时30分钟'. NaN when not a duration or negative.
 */
export function parseDuration(text: string, unit: DurationUnit): number {
  const n = parseDecimal(text)
  if (!Number.isNaN(n)) return n < 0 ? NaN : n * PLAIN_UNIT_MINUTES[unit]
  if (text.includes(':')) return parseClockDuration(text)
  DURATION_PART.lastIndex = 0
  let minutes = 0
  let parts = 0
  while (DURATION_PART.lastIndex < text.length) {
    const m = DURATION_PART.exec(text)
    if (m === null) return NaN
    minutes += Number(m[1]) * (UNIT_MINUTES[(m[2] ?? '').charAt(0)] ?? NaN)
    parts++
  }
  return parts > 0 ? minutes : NaN
}

/** 'hh:mm' or 'hh:mm:ss'; hours may exceed 24. */
function parseClockDuration(text: string): number {
  const parts = text.split(':')
  if (parts.length > 3) return NaN
  const [h, m, s = 0] = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN))
  if (h === undefined || m === undefined || !(m < 60) || !(s < 60)) return NaN
  return h * 60 + m + s / 60
}

export const SATISFACTION_SCALES = ['1-5', '0-10', '0-100'] as const
/** How a satisfaction column's numbers read: 1..5 (×2), 0..10 (as is) or 0..100 (÷10). */
export type SatisfactionScale = (typeof SATISFACTION_SCALES)[number]

// Beyond the contract's labels: Freshdesk's "extremely" and happy/unhappy scales, Zendesk's
// newer "Good, I'm satisfied", Chinese 好评/中评/差评, mirroring the contract's steps.
const SATISFACTION_LABELS = new Map<string, number | null>([
  ['非常满意', 10], ['很满意', 10], ['十分满意', 10], ['满意', 8], ['比较满意', 8], ['较满意', 8], ['基本满意', 6],
  ['一般', 6], ['不满意', 4], ['不太满意', 4], ['非常不满意', 2], ['很不满意', 2], ['好评', 10], ['中评', 6], ['差评', 0],
  ['extremely satisfied', 10], ['very satisfied', 10], ['satisfied', 8], ['neutral', 6], ['dissatisfied', 4],
  ['unsatisfied', 4], ['very dissatisfied', 2], ['very unsatisfied', 2], ['extremely dissatisfied', 0],
  ['good', 10], ['bad', 0], ['good, i\'m satisfied', 10], ['bad, i\'m unsatisfied', 0], ['awesome', 10], ['not good', 0],
  // KF5 and similar five-step scales: Very Poor … Excellent.
  ['excellent', 10], ['very good', 8], ['fair', 6], ['poor', 4], ['very poor', 2],
  ['extremely happy', 10], ['very happy', 10], ['happy', 8], ['unhappy', 4], ['very unhappy', 2], ['extremely unhappy', 0],
  ['offered', null], ['not offered', null], ['unoffered', null], ['not rated', null], ['unrated', null], ['no rating', null],
  ['未评价', null], ['未评', null], ['未回访', null], ['未邀评', null],
])

/** The 0..10 value of a satisfaction label, null for "offered"-like labels, undefined when not a label. */
export function satisfactionLabel(text: string): number | null | undefined {
  return memo(labelCache, text, (t) => SATISFACTION_LABELS.get(t.toLowerCase()))
}
const labelCache = new Map<string, number | null | undefined>()

/** Whether a duration text says its own unit ('1h 20m', '01:20:00', '45分钟'), unlike a plain number. */
export function isSelfDescribingDuration(text: string): boolean {
  return Number.isNaN(parseDecimal(text)) && !Number.isNaN(parseDuration(text, 'min'))
}

/** A satisfaction number, also written with a unit: '4分', '5星'. NaN when not a number. */
export function satisfactionNumber(text: string): number {
  const n = parseDecimal(text)
  if (!Number.isNaN(n) || text.length < 2) return n
  const last = text.charAt(text.length - 1)
  return last === '分' || last === '星' ? parseDecimal(text.slice(0, -1).trim()) : NaN
}

export interface SatisfactionStats {
  count: number
  integers: boolean
  min: number
  max: number
}

export function newSatisfactionStats(): SatisfactionStats {
  return { count: 0, integers: true, min: Infinity, max: -Infinity }
}

/** Counts a number of the column towards its scale. */
export function addSatisfactionNumber(stats: SatisfactionStats, n: number): void {
  stats.count++
  if (!Number.isInteger(n)) stats.integers = false
  if (n < stats.min) stats.min = n
  if (n > stats.max) stats.max = n
}

/**
 * The contract's per-column rule: integers all within 1..5 -> 1-5; all within 0..10 -> 0-10;
 * within 0..100 -> 0-100. Null when the column has no number, or one outside 0..100.
 */
export function satisfactionScaleOf(stats: SatisfactionStats): SatisfactionScale | null {
  if (stats.count === 0 || stats.min < 0) return null
  if (stats.integers && stats.min >= 1 && stats.max <= 5) return '1-5'
  if (stats.max <= 10) return '0-10'
  return stats.max <= 100 ? '0-100' : null
}

/** The scale of a whole column; labels and blanks do not count. */
export function detectSatisfactionScale(values: Iterable<string>): SatisfactionScale | null {
  const stats = newSatisfactionStats()
  for (const v of values) {
    const n = satisfactionNumber(v.trim())
    if (!Number.isNaN(n)) addSatisfactionNumber(stats, n)
  }
  return satisfactionScaleOf(stats)
}

/** 0..10, null when not rated, NaN when not understood (a number outside the scale, an unknown label). */
export function normalizeSatisfaction(text: string, scale: SatisfactionScale | null): number | null {
  if (isBlank(text)) return null
  const n = satisfactionNumber(text)
  if (Number.isNaN(n)) {
    const label = satisfactionLabel(text)
    return label === undefined ? NaN : label
  }
  return scaleSatisfaction(n, scale)
}

/** A satisfaction number on a scale -> 0..10; NaN when outside the scale or without one. */
export function scaleSatisfaction(n: number, scale: SatisfactionScale | null): number {
  if (scale === '1-5') return n >= 1 && n <= 5 ? n * 2 : NaN
  if (scale === '0-10') return n >= 0 && n <= 10 ? n : NaN
  if (scale === '0-100') return n >= 0 && n <= 100 ? n / 10 : NaN
  return NaN
}
