import type { KpiConfig } from './config'
import { DEFAULT_CONFIG } from './config'
import { mergeConfig } from './config-merge'

/**
 * The config while the embedded demo is shown: the demo's own settings (data/demo-config.json,
 * e.g. the demo office's headcount) fill in only what the user has left at its default. They
 * belong to the demo and leave with it: real data is scored with the user's config alone.
 */
export function withDemoSettings(user: KpiConfig, demo: Record<string, unknown>): KpiConfig {
  const untouched = Object.fromEntries(Object.entries(demo).filter(([k]) =>
    JSON.stringify(user[k as keyof KpiConfig]) === JSON.stringify(DEFAULT_CONFIG[k as keyof KpiConfig])))
  return mergeConfig(untouched, user)
}
