import type { KpiConfig } from '../config'
import type { Engine, SqlParam } from '../engine'
import type { VendorValue } from './score-sql'
import { DEFAULT_KEY, vendorEntries } from '../config'
import { DIMENSION_TYPES } from './tickets-table'

/** The config's per-vendor numbers, vendors turned into their ENUM codes. */
export interface VendorSettings {
  ratings: VendorValue[]
  headcount: VendorValue[]
  /** headcount.default; null = none. */
  headcountDefault: number | null
}

/**
 * Vendor names of the config (ratings, headcount) → ENUM codes of the loaded vendors, in one
 * small query with bound parameters, as the filters do (filter-sql.ts): the KPI query then
 * carries integers, never a vendor's name. A vendor that is not loaded drops out.
 */
export async function resolveVendorSettings(engine: Engine, cfg: KpiConfig): Promise<VendorSettings> {
  const lists = { ratings: vendorEntries(cfg.ratings), headcount: vendorEntries(cfg.headcount) }
  const asked = [...lists.ratings, ...lists.headcount].map(([v]) => v)
  const codes = new Map<string, number>()
  if (asked.length) {
    const sql = asked.map((_, i) => `SELECT ${i} AS i, enum_code(TRY_CAST(? AS ${DIMENSION_TYPES.vendor}))::INTEGER AS code`).join('\nUNION ALL ')
    for (const r of await engine.query<{ i: number, code: number | null }>(sql, asked as SqlParam[])) {
      if (r.code !== null) codes.set(asked[r.i]!, r.code)
    }
  }
  const resolve = (l: [string, number][]) => l.flatMap(([v, value]) => (codes.has(v) ? [{ code: codes.get(v)!, value }] : []))
  return { ratings: resolve(lists.ratings), headcount: resolve(lists.headcount), headcountDefault: cfg.headcount[DEFAULT_KEY] ?? null }
}

export const NO_VENDOR_SETTINGS: VendorSettings = { ratings: [], headcount: [], headcountDefault: null }
