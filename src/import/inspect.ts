import type { Mapping } from '../core/schema'
import type { ReadLimits } from './types'
import type { MatchedBy } from '../core/report-types'
import { locateTable } from '../core/locate-table'
import { defaultVendorFromFileName } from '../core/map-table'
import { planColumns } from '../core/plan-columns'
import { REQUIRED_TARGETS } from '../core/schema'
import { readGrid } from './read-grid'

/** What the wall needs to ask before loading a file: its vendor, and a mapping when headers are unknown. */
export interface Inspection {
  file: string
  kind: 'tickets' | 'training' | null
  headers: string[]
  /** The first five data rows, for the mapping dialog's preview. */
  preview: string[][]
  /** What was recognised (with the given mapping applied). */
  mapping: Mapping
  /** How each recognised field was found. */
  how?: Partial<Record<string, MatchedBy>>
  /** Required targets that no header maps to. */
  missing: string[]
  hasVendorColumn: boolean
  defaultVendor: string
  error: string | null
}

export async function inspectFile(bytes: Uint8Array, file: string, mapping?: Mapping, limits?: ReadLimits): Promise<Inspection> {
  const defaultVendor = defaultVendorFromFileName(file)
  try {
    const grid = await readGrid(bytes, file, limits)
    const located = locateTable(grid, mapping)
    const plan = planColumns(located, mapping)
    const isTickets = located.kind === 'tickets'
    return {
      file,
      kind: located.kind,
      headers: located.headers,
      preview: located.rows.slice(0, 5),
      mapping: plan.mapping,
      how: plan.how,
      missing: isTickets ? REQUIRED_TARGETS.filter(t => plan.mapping[t] === undefined) : [],
      hasVendorColumn: plan.mapping.vendor !== undefined,
      defaultVendor,
      error: null,
    }
  }
  catch (e) {
    const error = e instanceof Error ? e.message : String(e)
    return { file, kind: null, headers: [], preview: [], mapping: {}, how: {}, missing: [], hasVendorColumn: false, defaultVendor, error }
  }
}
