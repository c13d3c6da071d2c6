import type { Mapping } from '../core/schema'
import { MAPPING_TARGETS } from '../core/schema'

const PREFIX = 'servicewall.mapping:'

/** A file's headers, in order, identify its export format. */
export function mappingKey(headers: readonly string[]): string {
  return PREFIX + JSON.stringify(headers.map(h => h.trim()))
}

/** The mapping chosen last time for a file with exactly these headers, if any. */
export function recallMapping(headers: readonly string[], storage: Storage = localStorage): Mapping | null {
  try {
    const raw: unknown = JSON.parse(storage.getItem(mappingKey(headers)) ?? 'null')
    if (!raw || typeof raw !== 'object') return null
    const out: Mapping = {}
    for (const t of MAPPING_TARGETS) {
      const h = (raw as Record<string, unknown>)[t]
      // "" is a column taken back on purpose (the import report's mapping dialog).
      if (typeof h === 'string' && (h === '' || headers.includes(h))) out[t] = h
    }
    return Object.keys(out).length ? out : null
  }
  catch {
    return null
  }
}

export function rememberMapping(headers: readonly string[], mapping: Mapping, storage: Storage = localStorage): void {
  try {
    storage.setItem(mappingKey(headers), JSON.stringify(mapping))
  }
  catch {
    // Quota or private mode: the dialog simply asks again next time.
  }
}
