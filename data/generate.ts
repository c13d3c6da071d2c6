/**
 * Writes the embedded demo dataset into data/demo/: a year of after-sales tickets for five ERP vendors,
 * each in a different real export format, plus training records, a config and a manifest.
 * Deterministic: same bytes on every run. Usage: npx tsx data/generate.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXPORT_AT, PERIOD_START } from './gen/calendar.ts'
import type { CanonTicket, VendorExport } from './gen/canon.ts'
import { estimate, type Kpis } from './gen/estimate.ts'
import { simulateVendor, type Ticket } from './gen/model.ts'
import { buildRoster } from './gen/people.ts'
import { PROFILES } from './gen/profiles.ts'
import { fmtDate, fmtIso } from './gen/time.ts'
import { writeJdy } from './gen/write-jdy.ts'
import { writeJira } from './gen/write-jira.ts'
import { writeKingdee } from './gen/write-kingdee.ts'
import { writeServiceNow } from './gen/write-servicenow.ts'
import { TRAINING_FILE, writeTraining } from './gen/write-training.ts'
import { writeZendesk } from './gen/write-zendesk.ts'

export const SEED = 20261126
export const HEADCOUNT = 40

const WRITERS: Record<string, (seed: number, tickets: Ticket[]) => VendorExport> = {
  简道云ERP: writeJdy, 金蝶云星辰: writeKingdee, 用友U9: writeZendesk, 纷享销客: writeJira, 'SAP B1': writeServiceNow,
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`
const round = (k: Kpis): Record<string, number | null> =>
  Object.fromEntries(Object.entries(k).map(([key, v]) => [key, v === null ? null : Math.round(v * 10000) / 10000]))

export interface GenerateResult {
  exports: VendorExport[]
  estimates: Record<string, Kpis>
}

/** Generates everything into `demoDir` (data/demo) and the config next to it. */
export function generate(demoDir: string, configPath: string): GenerateResult {
  mkdirSync(demoDir, { recursive: true })
  const roster = buildRoster(SEED)
  const exports = PROFILES.map((profile) => {
    const writer = WRITERS[profile.vendor]
    if (!writer) throw new Error(`no writer for ${profile.vendor}`)
    return writer(SEED, simulateVendor(SEED, profile, roster))
  })
  const training = writeTraining(SEED, roster, PROFILES)
  for (const e of exports) writeFileSync(join(demoDir, e.file), e.bytes)
  writeFileSync(join(demoDir, TRAINING_FILE), training.bytes)
  writeFileSync(configPath, json({ headcount: HEADCOUNT }))

  const all: CanonTicket[] = exports.flatMap((e) => e.tickets)
  const asOf = Math.max(...all.flatMap((t) => [t.created_at, t.first_response_at ?? 0, t.resolved_at ?? 0, t.recovered_at ?? 0]))
  const estimates: Record<string, Kpis> = {}
  for (const e of exports) {
    estimates[e.manifest.vendor] = estimate(all, e.manifest.vendor, training.trained[e.manifest.vendor] ?? 0, HEADCOUNT, e.manifest.known)
  }
  writeFileSync(join(dirname(configPath), 'demo-manifest.json'), json({
    generator: 'npx tsx data/generate.ts',
    seed: SEED,
    period: { from: fmtDate(PERIOD_START), to: fmtDate(EXPORT_AT) },
    export_at: fmtIso(EXPORT_AT),
    as_of: fmtIso(asOf),
    timestamps: 'wall-clock, no time zone; Parquet timestamps are TIMESTAMP(MILLIS, isAdjustedToUTC=false)',
    rows: 'spreadsheet row numbers: CSV header = row 1 and a quoted multi-line cell stays in its row; XLSX rows as Excel numbers them; Parquet row i (0-based) = row i + 2',
    config: { file: 'demo-config.json', headcount: HEADCOUNT },
    files: exports.map((e) => e.manifest),
    training: {
      file: TRAINING_FILE, format: 'csv', encoding: 'utf-8', grid_encoding: 'utf-8', line_ending: 'LF', header_row: 1,
      data_rows: training.rows, trained: training.trained,
      coverage: Object.fromEntries(Object.entries(training.trained).map(([v, n]) => [v, n / HEADCOUNT])),
    },
    vendors: PROFILES.map((p) => ({ vendor: p.vendor, intended_rank: p.rank, profile: p.summary })),
    estimate: {
      note: "The generator's own reading of the KPI contract over the tickets it meant to write (default config, headcount 40, all files loaded, recurrence treating an empty category as one value). Informational only: the product is normative.",
      by_vendor: Object.fromEntries(Object.entries(estimates).map(([v, k]) => [v, round(k)])),
    },
  }))
  return { exports, estimates }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url))
  const demoDir = resolve(process.argv[2] ?? join(here, 'demo'))
  const { exports, estimates } = generate(demoDir, process.argv[2] ? join(demoDir, '..', 'demo-config.json') : join(here, 'demo-config.json'))
  for (const e of exports) {
    const m = e.manifest
    console.log(`${m.file}: ${m.data_rows} rows, ${m.bad_rows} bad, ${m.duplicates} duplicates, ${m.tickets} tickets, ${e.bytes.length} bytes`)
  }
  const ranked = Object.entries(estimates).sort((a, b) => (b[1].score ?? 0) - (a[1].score ?? 0))
  for (const [vendor, k] of ranked) {
    const f = (v: number | null | undefined, d = 2): string => (v === null || v === undefined ? 'NULL' : v.toFixed(d))
    console.log(`${vendor.padEnd(8)} score ${f(k.score, 1)}  FR ${f(k.first_response_avg_min, 0)}m  SLA ${f(k.sla_response_rate)}  off ${f(k.offhours_sla_rate)}  FCR ${f(k.fcr_rate)}  CSAT ${f(k.csat_avg)}  rated ${f(k.csat_response_rate)}  recov ${f(k.recovery_avg_min, 0)}m  recur ${f(k.recurrence_rate, 3)}  ch ${f(k.channels, 0)}  train ${f(k.training_coverage)}  backlog ${f(k.backlog_end, 0)}`)
  }
}
