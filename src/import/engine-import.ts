/**
 * Import in the engine: a CSV file becomes its staging table inside DuckDB. TypeScript decides
 * from a sample and from distinct values (engine-csv.ts, engine-plan.ts); SQL does every per-row
 * step (src/core/sql/import-map.ts). What read_csv cannot read as our parser does, and XLSX,
 * Parquet and training files, go through the JS import (import-file.ts): docs/importing.md.
 */
import type { ImportedFile } from '../core/dataset'
import type { Engine } from '../core/engine'
import type { ImportOptions } from './import-file'
import { MappingError, defaultVendorFromFileName } from '../core/map-table'
import { columnReport, missingFields } from '../core/column-report'
import { reasonText } from '../core/import-reasons'
import type { RejectedCells } from '../core/import-reasons'
import { planColumns } from '../core/plan-columns'
import { REQUIRED_TARGETS } from '../core/schema'
import type { MappingTarget, RejectedRow } from '../core/schema'
import type { SatisfactionScale } from '../core/normalize'
import type { ColumnPlan } from '../core/plan-columns'
import { evalTableSql, rejectedSql, stagedSql } from '../core/sql/import-map'
import type { MapPlan } from '../core/sql/import-map'
import { knownFlags } from '../core/ticket-mapper'
import type { EngineCsv } from './engine-csv'
import { dropCsvInEngine, readCsvInEngine, RUN } from './engine-csv'
import { engineFacts, loadLookups, satisfactionScale, warningsOf } from './engine-plan'
import { failedImport, importFile } from './import-file'
import { isPlainText } from './read-grid'
import { DEFAULT_READ_LIMITS, ImportError } from './types'

/**
 * The file's tickets in a table of the engine (ImportedFile.table), or the JS import's result where the engine path does not serve.
 * `reread`: the file's bytes again, for an engine that takes them over (a transfer to another worker leaves `bytes` empty).
 * `source`: the file itself, which DuckDB reads in place of `bytes` where they are its UTF-8
 * (engine-csv.ts); then `release` is called: the caller may let its bytes go (a fallback to the JS
 * import after that reads them again).
 */
export async function importIntoEngine(engine: Engine, bytes: Uint8Array, file: string, opts: ImportOptions = {}, reread?: () => Promise<Uint8Array>, source?: { blob: Blob, release?: () => void }): Promise<ImportedFile> {
  const limits = opts.limits ?? DEFAULT_READ_LIMITS
  if (!engine.registerFile || !isPlainText(bytes, file, limits)) return importFile(bytes, file, opts)
  const inJs = async () => importFile(bytes.buffer.byteLength === 0 && reread ? await reread() : bytes, file, opts)
  let p: string | null = null
  try {
    const csv = await readCsvInEngine(engine, bytes, opts.mapping, limits, source?.blob)
    if (csv === null) return await inJs()
    p = csv.p
    if (csv.fromFile) source?.release?.()
    return await mapInEngine(engine, csv, file, opts)
  }
  catch (e) {
    // The file's own faults are its error line, as in the JS import; anything else the engine
    // path did not foresee falls back to the JS import, so no file is lost to it.
    if (e instanceof MappingError || e instanceof ImportError) return failedImport(file, e.message)
    return inJs()
  }
  finally {
    if (p !== null) await dropCsvInEngine(engine, p)
  }
}

let tables = 0

async function mapInEngine(engine: Engine, csv: EngineCsv, file: string, opts: ImportOptions): Promise<ImportedFile> {
  const { located, p } = csv
  const { headers } = located
  const facts = await engineFacts(engine, p, csv.width)
  let plan = planColumns(located, opts.mapping, facts.facts)
  while (await facts.fetchMissing()) plan = planColumns(located, opts.mapping, facts.facts)
  const { cols } = plan
  const missing = REQUIRED_TARGETS.filter(t => cols[t] < 0)
  if (missing.length > 0) {
    const notFound = Object.entries(opts.mapping ?? {}).filter(([t, h]) => h !== '' && plan.mapping[t as MappingTarget] === undefined)
    throw new MappingError(file, missing, headers, notFound)
  }
  const defaultVendor = opts.vendor?.trim() || defaultVendorFromFileName(file)
  const textLookups = await loadLookups(engine, p, plan, { ...plan.dateOpts, date1904: located.date1904 })
  const m: MapPlan = { p, cols, headers, width: csv.width, defaultVendor, textLookups }
  const table = `sw_imported_${RUN}_${tables++}`
  try {
    await engine.exec(evalTableSql(m, table))
    const rejectedCells = await engine.query<RejectedCells>(rejectedSql(m, table))
    const rejected = rejectedCells.map(r => ({ file, row: r.row_no, reason: reasonText(r, headers, cols, plan.decimalComma) }))
    const scale = plan.satisfactionScale ?? await satisfactionScale(engine, table)
    const warnings = await warningsOf(engine, p, table, cols, plan.decimalComma, scale)
    // The cells go before the staging table is finished: fewer copies of the file at the peak.
    await engine.exec(`DROP VIEW ${p}_rows`)
    await engine.exec(`DROP TABLE ${p}_raw`)
    for (const sql of stagedSql(table, scale)) await engine.exec(sql)
    return await imported(engine, { csv, file, plan, table, rejected, scale, warnings, defaultVendor })
  }
  catch (e) {
    await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined)
    throw e
  }
}

interface Done {
  csv: EngineCsv
  file: string
  plan: ColumnPlan
  table: string
  rejected: RejectedRow[]
  scale: SatisfactionScale | null
  warnings: string[]
  defaultVendor: string
}

/** The ImportedFile of a staging table the engine import made. */
async function imported(engine: Engine, { csv, file, plan, table, rejected, scale, warnings, defaultVendor }: Done): Promise<ImportedFile> {
  const { cols } = plan
  const [staged] = await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${table}`)
  const loaded = staged?.n ?? 0
  const known = knownFlags(cols)
  return {
    report: {
      file, format: 'csv', encoding: csv.encoding, rows: csv.rows, loaded, rejected: rejected.length, duplicates: 0, error: null,
      kind: 'tickets', vendor: plan.mapping.vendor ? null : defaultVendor,
      warnings, columns: columnReport(csv.located, plan, scale),
      missing: missingFields(known, cols.priority >= 0),
    },
    rejected,
    kind: 'tickets',
    ipc: null,
    table,
    known,
  }
}
