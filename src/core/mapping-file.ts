import type { Mapping, MappingTarget } from './schema'
import { MAPPING_TARGETS } from './schema'

/**
 * A mapping as users write it (--map file, the mapping dialog): {"canonical field": "header text"}.
 * Unknown fields are an error, so a typo does not silently do nothing; "" leaves a field unmapped.
 */
export function parseMappingJson(value: unknown): Mapping {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('mapping: expected an object like {"ticket_id": "Case No.", "created_at": "Opened"}')
  }
  const out: Mapping = {}
  for (const [k, v] of Object.entries(value)) {
    if (!(MAPPING_TARGETS as readonly string[]).includes(k)) {
      throw new Error(`mapping: unknown field "${k}"; fields are ${MAPPING_TARGETS.join(', ')}`)
    }
    // An empty string leaves the field unmapped, e.g. to take back a column the import recognised wrongly.
    if (typeof v !== 'string') throw new Error(`mapping: "${k}" must name a header (a string; "" leaves the field unmapped)`)
    out[k as MappingTarget] = v.trim() === '' ? '' : v
  }
  return out
}
