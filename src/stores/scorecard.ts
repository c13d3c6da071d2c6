import type { KpiConfig } from '../core/config'
import type { ConfigError } from '../core/config-merge'
import type { KpiReport } from '../core/report-types'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { validateConfig } from '../core/config-merge'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'
import { loadScorecard, saveScorecard } from './settings-storage'

/** The file name of an exported config: the same JSON `servicewall report --config` takes. */
export const CONFIG_FILE_NAME = 'servicewall-config.json'

/**
 * The company's scorecard: the one config object (SLA targets, anchors, weights, calendars,
 * ratings, headcount) the wall scores with. Saved on every apply; a file or a saved value
 * that fails validation is refused with its fields and reasons and the current config stays.
 */
export const useScorecardStore = defineStore('scorecard', () => {
  const dataset = useDatasetStore()
  const filters = useFiltersStore()
  const loaded = loadScorecard()
  const config = shallowRef<KpiConfig>(loaded.config)
  const errors = ref<ConfigError[] | null>(loaded.errors)
  const open = ref(false)

  async function apply(next: KpiConfig): Promise<void> {
    config.value = next
    saveScorecard(next)
    await dataset.backend?.configure(next)
    await dataset.refresh()
    // SLA targets, calendars, office hours and the recurrence window rebuild the tables: the next reload should find them kept.
    dataset.keepSnapshot()
  }

  /** A config file's text → validated draft, or null with `errors` set (the current config stays). */
  function parse(text: string): KpiConfig | null {
    let json: unknown
    try {
      json = JSON.parse(text)
    }
    catch (e) {
      errors.value = [{ path: '', reason: `not JSON: ${(e as Error).message}` }]
      return null
    }
    const r = validateConfig(json)
    errors.value = r.ok ? null : r.errors
    return r.ok ? r.config : null
  }

  function exportText(cfg: KpiConfig = config.value): string {
    return `${JSON.stringify(cfg, null, 2)}\n`
  }

  function preview(draft: KpiConfig): Promise<KpiReport> | null {
    return dataset.backend?.preview(draft, filters.effective) ?? null
  }

  return { config, errors, open, apply, parse, exportText, preview }
})
