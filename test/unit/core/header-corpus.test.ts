import type { LocatedTable } from '../../../src/core/locate-table'
import type { MappingTarget } from '../../../src/core/schema'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planColumns } from '../../../src/core/plan-columns'
import { MAPPING_TARGETS } from '../../../src/core/schema'

/**
 * Real header sets of ticket exports, one per product and format, each with the sources it was
 * taken from (test/fixtures/header-corpus/*.json): the field every header must become (null = must
 * not be used) and, where the sources show them, sample values, which the content checks see.
 */
interface CorpusSet {
  product: string
  source: string[]
  headers: string[]
  expected: Record<string, MappingTarget | null>
  samples: Record<string, string[]>
}

const DIR = join(import.meta.dirname, '../../fixtures/header-corpus')
const sets = readdirSync(DIR).filter(f => f.endsWith('.json')).map(f => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as CorpusSet] as const)

/**
 * A table whose rows cycle through each header's sample values (blank where the sources show
 * none). The samples of different columns come from different tickets, so created_at is set to a
 * time before all of them: the check that a ticket's events come after its creation then sees
 * the samples' own order, not an accident of the pairing.
 */
function tableOf(set: CorpusSet): LocatedTable {
  const created = Object.entries(set.expected).find(([, f]) => f === 'created_at')?.[0]
  const rows = Array.from({ length: 12 }, (_, r) => set.headers.map((h) => {
    if (h === created) return '2000-01-01 00:00:00'
    const s = set.samples[h] ?? []
    return s.length ? s[r % s.length] ?? '' : ''
  }))
  return { kind: 'tickets', sheet: 'CSV', headerIndex: 0, headerRow: 1, headers: set.headers, rows, rowNumbers: rows.map((_, i) => i + 2), readerRejected: [], date1904: false }
}

describe('the header corpus of real exports', () => {
  it('has sets with sources', () => {
    expect(sets.length).toBeGreaterThanOrEqual(14)
    for (const [, s] of sets) expect(s.source.length).toBeGreaterThan(0)
  })

  it.each(sets)('%s maps as expected', (_, set) => {
    const plan = planColumns(tableOf(set))
    const fieldsOf = (i: number) => MAPPING_TARGETS.filter(t => plan.cols[t] === i)
    const got = set.headers.map((h, i) => [h, fieldsOf(i)] as const)
    const wrong: string[] = []
    for (const [header, expected] of Object.entries(set.expected)) {
      const fields = got.filter(([h]) => h === header).map(([, f]) => f)
      const ok = expected === null ? fields.every(f => f.length === 0) : fields.some(f => f.includes(expected))
      if (!ok) wrong.push(`${header}: expected ${expected}, got ${JSON.stringify(fields)}`)
    }
    expect(wrong).toEqual([])
  })
})
