/** Header text: the normalized form used for matching, and the unit and scale its annotation names. */
import type { DurationUnit, SatisfactionScale } from './normalize'

// Jira's custom fields, also in a Spanish, Portuguese or Chinese interface; Zendesk's "[list]" custom fields.
const JIRA_CUSTOM_FIELD = /^\s*(?:custom\s*field|campo\s*personalizado|自定义字段)\s*\((.*)\)\s*$/i
const ZENDESK_FIELD_KIND = /\s*\[(?:list|dropdown|checkbox|text|date|decimal|integer|regexp|multiselect|tagger)\]\s*$/i
const IGNORED_CHARS = /[\s\uFEFF()[\]【】〔〕「」<>《》_\-:/.*#·、,，;]/g

/**
 * Lowercase, full-width forms folded to half-width (NFKC), without spaces, BOM, brackets
 * and punctuation; Jira's "Custom field (X)" counts as X.
 */
export function normalizeHeader(header: string): string {
  const folded = header.normalize('NFKC').replace(ZENDESK_FIELD_KIND, '')
  const custom = JIRA_CUSTOM_FIELD.exec(folded)
  return (custom?.[1] ?? folded).toLowerCase().replace(IGNORED_CHARS, '')
}

/** The header text as shown to the user and stored in a Mapping: trimmed, without a BOM. */
export function cleanHeader(header: string): string {
  return header.replace(/\uFEFF/g, '').trim()
}

export interface HeaderHints {
  /** The unit a duration column's numbers are in, as its header says: 分钟, (in hrs), seconds ... */
  unit?: DurationUnit
  /** The satisfaction scale the header names: (1-5), 五分制, （百分制） ... */
  scale?: SatisfactionScale
}

const UNIT_WORDS: [RegExp, DurationUnit][] = [
  [/秒|\bsec(?:ond)?s?\b|\(s\)/, 'sec'],
  [/分钟|\bmins?\b|\bminutes?\b|\(m\)/, 'min'],
  [/小时|\bhrs?\b|\bhours?\b|\(h\)/, 'hours'],
  [/天数|\(天\)|\bdays?\b|\(d\)/, 'days'],
]

const SCALE_WORDS: [RegExp, SatisfactionScale][] = [
  [/百分制|100分制|0-100|1-100|满分100|\/100|percent|%/, '0-100'],
  [/十分制|10分制|0-10|1-10|满分10(?!0)|\/10(?!0)/, '0-10'],
  [/五分制|5分制|五星|5星|1-5|0-5|满分5|\/5\b|stars?/, '1-5'],
]

/**
 * What the annotation of a header says about its values. A header naming two units
 * ("hours and minutes") names none: the values must say.
 */
export function headerHints(header: string): HeaderHints {
  const h = header.normalize('NFKC').toLowerCase().replace(/\s*-\s*/g, '-')
  const units = UNIT_WORDS.filter(([re]) => re.test(h)).map(([, u]) => u)
  const scale = SCALE_WORDS.find(([re]) => re.test(h))?.[1]
  const hints: HeaderHints = {}
  if (units.length === 1) hints.unit = units[0]
  if (scale !== undefined) hints.scale = scale
  return hints
}
