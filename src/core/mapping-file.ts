import type { Mapping, MappingTarget } from './schema'
import { MAPPING_TARGETS } from './schema'

/**
 * A mapping as users write it (--map file, the mapping dialog): {"canonical field": "header text"}.
 * Unknown fields are an error, so a typo does not silently do nothing.
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
    if (typeof v !== 'string' || v.trim() === '') throw new Error(`mapping: "${k}" must name a header (a non-empty string)`)
    out[k as MappingTarget] = v
  }
  return out
}
