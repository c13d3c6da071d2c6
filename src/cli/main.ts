import type { KpiConfig } from '../core/config'
import type { Engine } from '../core/engine'
import type { AsOf } from '../core/report'
import type { ImportedFile } from '../core/dataset'
import type { KpiReport } from '../core/report-types'
import type { ReportArgs } from './args'
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { mergeConfig } from '../core/config-merge'
import { Dataset } from '../core/dataset'
import { computeMonthly } from '../core/monthly'
import { parseMappingJson } from '../core/mapping-file'
import { renderCsv } from '../core/output/render-csv'
import { renderMarkdown } from '../core/output/render-md'
import { parseDateTime } from '../core/parse-datetime'
import { computeReport } from '../core/report'
import { filterOptions } from '../core/wall'
import { createNodeEngine } from '../db/node-engine'
import { importIntoEngine } from '../import/engine-import'
import { failedImport, importFile } from '../import/import-file'
import { monthlyHtml, monthlyXlsx } from '../report/monthly-files'
import { fileTooLarge } from '../import/read-grid'
import { DEFAULT_READ_LIMITS } from '../import/types'
import { parseReportArgs, USAGE, UsageError } from './args'
import { convertMain, readCanonicalPath } from './convert'

async function readJson(file: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  }
  catch (e) {
    throw new UsageError(`${what} ${file}: ${(e as Error).message}`)
  }
}

function asOfArg(text: string | null): AsOf | undefined {
  if (text === null) return undefined
  const ms = parseDateTime(text)
  if (ms === null) throw new UsageError(`--as-of: "${text}" is not a date-time (e.g. 2026-11-26 18:00)`)
  return { ms, text: new Date(ms).toISOString().slice(0, 19).replace('T', ' ') }
}

type Mapping = ReturnType<typeof parseMappingJson>

/**
 * Each file imported: into the engine (its staging table waits there until the data set takes it),
 * or, with no engine (convert, which writes the canonical Arrow IPC), by the JS import.
 */
async function importAll(engine: Engine | null, args: Pick<ReportArgs, 'files' | 'vendors' | 'fileMaps'>, mapping: Mapping | undefined): Promise<ImportedFile[]> {
  const out: ImportedFile[] = []
  for (const file of args.files) {
    const name = path.basename(file)
    const converted = await readCanonicalPath(file)
    if (converted) {
      out.push(...converted)
      continue
    }
    const vendor = args.vendors.get(file) ?? args.vendors.get(name)
    const own = args.fileMaps.get(file) ?? args.fileMaps.get(name)
    const fileMapping = own === undefined ? mapping : parseMappingJson(await readJson(own, 'mapping'))
    let bytes: Uint8Array
    try {
      // The size cap before a byte is read: an oversized file never reaches memory.
      if ((await stat(file)).size > DEFAULT_READ_LIMITS.maxFileBytes) {
        out.push(failedImport(name, fileTooLarge(DEFAULT_READ_LIMITS.maxFileBytes).message))
        continue
      }
      bytes = new Uint8Array(await readFile(file))
    }
    catch (e) {
      out.push(failedImport(name, `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`))
      continue
    }
    const opts = { vendor, mapping: fileMapping }
    out.push(engine ? await importIntoEngine(engine, bytes, name, opts) : await importFile(bytes, name, opts))
  }
  return out
}

function render(report: KpiReport, format: ReportArgs['format']): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`
  return format === 'csv' ? renderCsv(report) : renderMarkdown(report)
}

/** The monthly report (html, xlsx) of --month, or of the latest month in the data. */
async function monthly(engine: Engine, config: KpiConfig, args: ReportArgs, ds: Dataset, asOf: AsOf | undefined): Promise<string | Uint8Array> {
  const month = args.month ?? (await filterOptions(engine)).months.at(-1)
  if (!month) throw new UsageError('no month in the data for the monthly report')
  const r = await computeMonthly(engine, config, { vendors: args.onlyVendors }, month, ds.importReport(), asOf)
  if (args.format === 'xlsx') return new Uint8Array(await (await monthlyXlsx(r, args.lang)).arrayBuffer())
  return monthlyHtml(r, args.lang, await readFile(new URL('../styles/report.css', import.meta.url), 'utf8'))
}

async function report(args: ReportArgs): Promise<number> {
  const config = mergeConfig(args.config ? await readJson(args.config, 'config') as object : {})
  const mapping = args.map ? parseMappingJson(await readJson(args.map, 'mapping')) : undefined
  const asOf = asOfArg(args.asOf)
  const engine = await createNodeEngine()
  try {
    const imported = await importAll(engine, args, mapping)
    for (const f of imported) {
      if (f.report.error) process.stderr.write(`servicewall: ${f.report.file}: ${f.report.error}\n`)
    }
    if (!imported.some(f => f.report.error === null)) {
      process.stderr.write('servicewall: no file could be loaded; nothing to report.\n')
      return 2
    }
    const ds = await Dataset.open(engine, config)
    await ds.add(imported)
    const filters = { from: args.from, to: args.to, vendors: args.onlyVendors }
    const text = args.format === 'html' || args.format === 'xlsx'
      ? await ds.run(() => monthly(engine, config, args, ds, asOf))
      : render(await ds.run(() => computeReport(engine, config, filters, ds.importReport(), asOf)), args.format)
    if (args.out) await writeFile(args.out, text)
    else process.stdout.write(text)
    return 0
  }
  finally {
    await engine.close()
  }
}

/** `servicewall report …` or `servicewall convert …`; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return command === undefined ? 2 : 0
  }
  if (command === 'convert') return convertMain(rest, async a => importAll(null, a, a.map ? parseMappingJson(await readJson(a.map, 'mapping')) : undefined))
  if (command !== 'report') {
    process.stderr.write(`servicewall: unknown command "${command}"\n\n${USAGE}\n`)
    return 2
  }
  try {
    const args = parseReportArgs(rest)
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    return await report(args)
  }
  catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`servicewall: ${(e as Error).message}\n\n${USAGE}\n`)
      return 2
    }
    if (e instanceof Error && /^(config|mapping):/.test(e.message)) {
      process.stderr.write(`servicewall: ${e.message}\n`)
      return 2
    }
    throw e
  }
}
