import type { ImportedFile } from '../core/dataset'
import type { ReportArgs } from './args'
import { openAsBlob } from 'node:fs'
import { mkdir, open, rename } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_CONFIG } from '../core/config'
import { Dataset } from '../core/dataset'
import { createNodeEngine } from '../db/node-engine'
import { CANONICAL_EXTENSION } from '../import/canonical-format'
import { blobSource, canonicalChunks, readCanonical } from '../import/canonical-read'
import { writeCanonicalParquet } from '../import/remote-writer'
import { parseVendors, splitMaps, UsageError } from './args'

export const CONVERT_USAGE = `Usage: servicewall convert [options] FILE... --out DIR

Imports ticket exports and training records exactly as servicewall report does and writes
their canonical tickets with each file's import report (rows, rejected rows and reasons,
column report, warnings) as DIR/FILE${CANONICAL_EXTENSION}. servicewall report and the wall
(drop or file picker) read such a file many times faster than the export, with the same numbers.

Options:
  --out DIR              the folder to write to (created if missing)
  --name NAME            write every file into one DIR/NAME${CANONICAL_EXTENSION} instead, in the given order
  --format parquet       write one canonical tickets Parquet file DIR/NAME.parquet (default NAME: tickets)
                         for serving at a URL: the wall opens it with ?data=URL and fetches only
                         the row groups of its month window (docs/serving.md)
  --vendor FILE=NAME     vendor for a file without a vendor column (repeatable)
  --map FILE             JSON mapping {canonical field: header} for every file
  --map INPUT=FILE       the same for one input file only (repeatable)
  -h, --help             this text

A file that cannot be imported is reported on stderr and not written.
Exit status: 0 when at least one file was written, 2 otherwise.`

export type ConvertArgs = Pick<ReportArgs, 'files' | 'vendors' | 'map' | 'fileMaps'> & { out: string, name: string | null, format: 'servicewall' | 'parquet' }

export function parseConvertArgs(argv: string[]): ConvertArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      name: { type: 'string' },
      format: { type: 'string' },
      vendor: { type: 'string', multiple: true },
      map: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  if (!values.out) throw new UsageError('convert needs --out DIR')
  if (values.name !== undefined && !/^[^\\/]+$/.test(values.name)) throw new UsageError(`--name expects a file name without a folder, got "${values.name}"`)
  if (positionals.length === 0) throw new UsageError('no input files given')
  const format = values.format ?? 'servicewall'
  if (format !== 'servicewall' && format !== 'parquet') throw new UsageError(`--format expects servicewall or parquet, got "${format}"`)
  const { map, fileMaps } = splitMaps(values.map ?? [], positionals)
  return { files: positionals, vendors: parseVendors(values.vendor ?? []), map, fileMaps, out: values.out, name: values.name ?? null, format }
}

/** A converted file given to report or convert: its files, read by range; null when `file` is not one. */
export async function readCanonicalPath(file: string): Promise<ImportedFile[] | null> {
  let blob: Blob
  try {
    blob = await openAsBlob(file)
  }
  catch {
    return null // Not readable: the import says why.
  }
  return readCanonical(blobSource(blob), path.basename(file))
}

/** Writes beside the target and renames: an interrupted convert never leaves half a file under the name. */
async function writeChunks(target: string, chunks: Uint8Array[]): Promise<number> {
  const temp = `${target}.partial`
  const handle = await open(temp, 'w')
  let bytes = 0
  try {
    for (const c of chunks) bytes += (await handle.write(c)).bytesWritten
  }
  finally {
    await handle.close()
  }
  await rename(temp, target)
  return bytes
}

const withName = (name: string) => (name.toLowerCase().endsWith(CANONICAL_EXTENSION) ? name : `${name}${CANONICAL_EXTENSION}`)
const count = (n: number) => n.toLocaleString('en-US')

/** `servicewall convert …` with the CLI's own import (main.ts); returns the exit status. */
export async function convert(args: ConvertArgs, importAll: (a: ConvertArgs) => Promise<ImportedFile[]>): Promise<number> {
  const imported = await importAll(args)
  const good = imported.filter(f => f.ipc && f.kind && f.report.error === null)
  for (const f of imported) {
    if (f.report.error) process.stderr.write(`servicewall: ${f.report.file}: ${f.report.error} (not written)\n`)
  }
  if (!good.length) {
    process.stderr.write('servicewall: no file could be imported; nothing written.\n')
    return 2
  }
  await mkdir(args.out, { recursive: true })
  if (args.format === 'parquet') return writeParquet(args, good)
  const groups = args.name ? [{ target: withName(args.name), files: good }] : good.map(f => ({ target: withName(f.report.file), files: [f] }))
  for (const { target, files } of groups) {
    const where = path.join(args.out, target)
    const bytes = await writeChunks(where, canonicalChunks(files))
    const lines = files.map(f => `  ${f.report.file}: ${count(f.report.rows)} rows, ${count(f.report.loaded)} ${f.kind === 'training' ? 'training records' : 'tickets'}, ${count(f.report.rejected)} rejected`)
    process.stdout.write(`wrote ${where} (${(bytes / 1e6).toFixed(2)} MB)\n${lines.join('\n')}\n`)
  }
  return 0
}

/**
 * Every file into one canonical tickets Parquet file (src/import/remote-layout.ts): loaded as
 * the wall loads them, so duplicates between files are settled in the given order.
 */
async function writeParquet(args: ConvertArgs, files: ImportedFile[]): Promise<number> {
  const tickets = files.filter(f => f.kind === 'tickets')
  for (const f of files.filter(f => f.kind !== 'tickets')) process.stderr.write(`servicewall: ${f.report.file}: training records are not carried by the Parquet format (not written)\n`)
  if (!tickets.length) {
    process.stderr.write('servicewall: no ticket file could be imported; nothing written.\n')
    return 2
  }
  const engine = await createNodeEngine()
  try {
    const ds = await Dataset.open(engine, DEFAULT_CONFIG)
    await ds.add(tickets)
    const where = path.join(args.out, `${(args.name ?? 'tickets').replace(/\.parquet$/i, '')}.parquet`)
    const bytes = await writeChunks(where, [await writeCanonicalParquet(engine, ds.importReport())])
    const r = ds.importReport()
    const lines = r.files.map(f => `  ${f.file}: ${count(f.rows)} rows, ${count(f.loaded)} tickets, ${count(f.rejected)} rejected, ${count(f.duplicates)} duplicates`)
    process.stdout.write(`wrote ${where} (${(bytes / 1e6).toFixed(2)} MB)\n${lines.join('\n')}\n`)
    return 0
  }
  finally {
    await engine.close()
  }
}

/** `servicewall convert ARGS`: usage errors to stderr with the usage, status 2. */
export async function convertMain(argv: string[], importAll: (a: ConvertArgs) => Promise<ImportedFile[]>): Promise<number> {
  try {
    const args = parseConvertArgs(argv)
    if (args !== 'help') return await convert(args, importAll)
    process.stdout.write(`${CONVERT_USAGE}\n`)
    return 0
  }
  catch (e) {
    if (!(e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw e
    process.stderr.write(`servicewall: ${(e as Error).message}\n\n${CONVERT_USAGE}\n`)
    return 2
  }
}
