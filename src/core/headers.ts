/** Header recognition by name: which column of an export holds which canonical field. */
import type { MatchedBy } from './report-types'
import type { Mapping, MappingTarget } from './schema'
import { HEADER_ALIASES, TRAINING_ALIASES } from './header-aliases'
import { keywordTarget, TRAP } from './header-keywords'
import { cleanHeader, normalizeHeader } from './header-text'
import { MAPPING_TARGETS } from './schema'

export { cleanHeader, normalizeHeader }

/**
 * Index of the header a mapping names: exact text first, then the same text trimmed,
 * then the same normalized form (a mapping file written by hand may differ in case or spacing). -1 if none.
 */
export function findHeaderIndex(headers: readonly string[], text: string): number {
  const exact = headers.indexOf(text)
  if (exact >= 0) return exact
  const clean = cleanHeader(text)
  const trimmed = headers.findIndex((h) => cleanHeader(h) === clean)
  if (trimmed >= 0 || clean === '') return trimmed
  const normalized = normalizeHeader(clean)
  return headers.findIndex((h) => normalizeHeader(h) === normalized)
}

interface AliasHit { target: MappingTarget, rank: number }

/** normalized alias -> the targets it names, with its rank in each target's list (0 = best). */
const ALIAS_INDEX = new Map<string, AliasHit[]>()
for (const target of MAPPING_TARGETS) {
  HEADER_ALIASES[target].forEach((alias, rank) => {
    const key = normalizeHeader(alias)
    const hits = ALIAS_INDEX.get(key) ?? []
    if (!hits.some((h) => h.target === target)) hits.push({ target, rank })
    ALIAS_INDEX.set(key, hits)
  })
}

/** The two targets allowed to share one column: a ticket/issue type is both the category and the fault marker. */
const SHARED_TARGETS: ReadonlySet<MappingTarget> = new Set(['category', 'fault_type'])

export interface HeaderRecognition {
  /** target -> header text (cleaned) */
  mapping: Mapping
  /** target -> column index, for the targets in `mapping` */
  indexes: Partial<Record<MappingTarget, number>>
  /** number of targets recognised */
  score: number
  /** non-empty headers not mapped to any target */
  unknown: string[]
  /** How each mapped target was found: an exact alias, a keyword family (to be confirmed by content), or the given mapping. */
  how: Partial<Record<MappingTarget, MatchedBy>>
  /** Column index -> the target a keyword family proposed for it but that another column already holds. */
  alsoMatched: Map<number, MappingTarget>
  /** Columns whose header looks like a ticket time but names another one (updated, due, SLA remaining, average ...). */
  traps: Set<number>
}

/**
 * Maps headers to targets. An explicit mapping wins for the targets it names (an empty
 * string there means "leave this target unmapped"); the rest is recognised from the
 * aliases, best alias first, then by the generic duration rule.
 */
export function recognizeHeaders(headers: readonly string[], mapping?: Mapping): HeaderRecognition {
  const owner: (MappingTarget[] | undefined)[] = headers.map(() => undefined)
  const result: Mapping = {}
  const indexes: Partial<Record<MappingTarget, number>> = {}
  const how: Partial<Record<MappingTarget, MatchedBy>> = {}
  const take = (target: MappingTarget, index: number, by: MatchedBy): void => {
    result[target] = cleanHeader(headers[index] ?? '')
    indexes[target] = index
    how[target] = by
    owner[index] = [...(owner[index] ?? []), target]
  }
  const isFree = (index: number, target: MappingTarget): boolean => {
    const owners = owner[index]
    return owners === undefined || (SHARED_TARGETS.has(target) && owners.every((t) => SHARED_TARGETS.has(t) && t !== target))
  }

  const explicit = new Set<MappingTarget>()
  for (const target of MAPPING_TARGETS) {
    const text = mapping?.[target]
    if (text === undefined) continue
    explicit.add(target)
    const index = text === '' ? -1 : findHeaderIndex(headers, text)
    if (index >= 0) take(target, index, 'mapping')
  }

  const hits = headers.map((h) => ALIAS_INDEX.get(normalizeHeader(h)) ?? [])
  for (const target of MAPPING_TARGETS) {
    if (explicit.has(target)) continue
    let best = -1
    let bestRank = Infinity
    hits.forEach((list, index) => {
      const hit = list.find((h) => h.target === target)
      if (hit !== undefined && hit.rank < bestRank && isFree(index, target)) {
        best = index
        bestRank = hit.rank
      }
    })
    if (best >= 0) take(target, best, 'alias')
  }

  headers.forEach((h, index) => {
    const target = owner[index] === undefined ? durationTarget(h) : null
    if (target !== null && !explicit.has(target) && result[target] === undefined) take(target, index, 'keyword')
  })

  const alsoMatched = new Map<number, MappingTarget>()
  const traps = new Set<number>()
  headers.forEach((h, index) => {
    if (owner[index] !== undefined) return
    const { target, trap } = keywordTarget(normalizeHeader(h))
    if (trap) traps.add(index)
    if (target === null) return
    if (!explicit.has(target) && result[target] === undefined) take(target, index, 'keyword')
    else alsoMatched.set(index, target)
  })

  // A type column is the category of a file that has no finer classification (contract §1).
  const typeColumn = indexes.fault_type
  if (result.category === undefined && !explicit.has('category') && typeColumn !== undefined) take('category', typeColumn, how.fault_type ?? 'alias')

  const unknown = headers.filter((h, i) => owner[i] === undefined && cleanHeader(h) !== '').map(cleanHeader)
  return { mapping: result, indexes, score: Object.keys(result).length, unknown, how, alsoMatched, traps }
}

const MINUTES = /分钟|\bmins?\b|\bminutes?\b/
const HOURS = /小时|\bhrs?\b|\bhours?\b|\(h\)/
const RESPONSE_WORDS = /响应|回复|首响|首次处理|respon|repl/
const RESOLUTION_WORDS = /解决|处理|办结|resolution|resolv|solv/
// Business-hours, SLA-target, remaining-time and aggregate columns hold other durations than "created -> responded".
const NOT_ELAPSED = /business|工作时间|营业|sla|target|due|remaining|breach|limit|目标|剩余|超时|逾期|时限|minimum|maximum|average|avg|最短|最长|平均/

/**
 * Generic rule for duration headers the alias lists miss, e.g. "响应时间(分钟)" or
 * "Resolution time (hours)": a unit word (分钟/min/minutes or 小时/hrs/hours, not both)
 * plus the words of a response or resolution field.
 */
export function durationTarget(header: string): MappingTarget | null {
  const h = header.toLowerCase()
  if (NOT_ELAPSED.test(h) || TRAP.test(normalizeHeader(header))) return null
  const minutes = MINUTES.test(h)
  const hours = HOURS.test(h)
  if (minutes === hours) return null
  if (RESPONSE_WORDS.test(h)) return minutes ? 'first_response_min' : 'first_response_hours'
  if (RESOLUTION_WORDS.test(h)) return minutes ? 'resolution_min' : 'resolution_hours'
  return null
}

export type TrainingField = keyof typeof TRAINING_ALIASES

export interface TrainingColumns {
  person: number
  vendor: number
  date: number
}

/** Column indexes (-1 = absent) of a training-records table. */
export function recognizeTrainingHeaders(headers: readonly string[]): TrainingColumns {
  const normalized = headers.map(normalizeHeader)
  const used = new Set<number>()
  const pick = (field: TrainingField): number => {
    for (const alias of TRAINING_ALIASES[field]) {
      const key = normalizeHeader(alias)
      const index = normalized.findIndex((n, i) => n === key && !used.has(i))
      if (index >= 0) {
        used.add(index)
        return index
      }
    }
    return -1
  }
  return { person: pick('person'), date: pick('date'), vendor: pick('vendor') }
}
