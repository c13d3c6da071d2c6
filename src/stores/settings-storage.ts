import type { KpiConfig } from '../core/config'
import type { ConfigError } from '../core/config-merge'
import { DEFAULT_CONFIG } from '../core/config'
import { validateConfig } from '../core/config-merge'

/**
 * Where the scorecard config lives between visits: localStorage for now, as the JSON a
 * config file holds. Everything that reads or writes it goes through this module, so it
 * can move into the data's own storage later without touching the stores.
 */
export const SCORECARD_KEY = 'servicewall.scorecard'

export interface Loaded {
  config: KpiConfig
  /** Why the saved config was not used (it failed validation); null when fine or absent. */
  errors: ConfigError[] | null
}

export function loadScorecard(): Loaded {
  let raw: string | null
  try {
    raw = localStorage.getItem(SCORECARD_KEY)
  }
  catch {
    return { config: DEFAULT_CONFIG, errors: null }
  }
  if (raw === null) return { config: DEFAULT_CONFIG, errors: null }
  let json: unknown
  try {
    json = JSON.parse(raw)
  }
  catch (e) {
    return { config: DEFAULT_CONFIG, errors: [{ path: '', reason: `not JSON: ${(e as Error).message}` }] }
  }
  const r = validateConfig(json)
  return r.ok ? { config: r.config, errors: null } : { config: DEFAULT_CONFIG, errors: r.errors }
}

export function saveScorecard(config: KpiConfig): boolean {
  try {
    localStorage.setItem(SCORECARD_KEY, JSON.stringify(config))
    return true
  }
  catch {
    // Private mode or a full quota: the settings hold for this visit only.
    return false
  }
}
