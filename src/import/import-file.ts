import type { ImportedFile } from '../core/dataset'
import type { FileReport } from '../core/report-types'
import type { Mapping } from '../core/schema'
import type { ReadLimits } from './types'
import { locateTable } from '../core/locate-table'
import { defaultVendorFromFileName, mapTickets, mapTraining } from '../core/map-table'
import { canonicalOne } from './canonical-read'
import { readGrid } from './read-grid'
import { batchToArrowIPC, trainingToArrowIPC } from './to-arrow'

export interface ImportOptions {
  /** Vendor for a file without a vendor column; default: the file name up to its first '_'. */
  vendor?: string | null
  mapping?: Mapping
  limits?: ReadLimits
}

function formatOf(file: string): string {
  const ext = file.toLowerCase().split('.').pop() ?? ''
  return ['csv', 'xlsx', 'parquet'].includes(ext) ? ext : 'unknown'
}

function emptyReport(file: string, error: string | null): FileReport {
  return { file, format: formatOf(file), encoding: '', rows: 0, loaded: 0, rejected: 0, duplicates: 0, error, kind: undefined, vendor: null }
}

/** A file that could not be imported at all: listed with its error, nothing loaded. */
export function failedImport(file: string, error: string): ImportedFile {
  return { report: emptyReport(file, error), rejected: [], kind: null, ipc: null, known: null }
}

/**
 * File bytes -> canonical tickets (or training records) as Arrow IPC, plus the
 * file's report and its rejected rows. Never throws for a bad file: the error is
 * in the report, so one broken file never takes the others down.
 * Runs in the import Web Worker and in the CLI alike.
 */
export async function importFile(bytes: Uint8Array, file: string, opts: ImportOptions = {}): Promise<ImportedFile> {
  const converted = await canonicalOne(bytes, file)
  if (converted) return converted
  try {
    const grid = await readGrid(bytes, file, opts.limits)
    const located = locateTable(grid, opts.mapping)
    const defaultVendor = opts.vendor?.trim() || defaultVendorFromFileName(file)
    const rows = located.rows.length + located.readerRejected.length
    const base = { ...emptyReport(file, null), format: grid.format, encoding: grid.encoding, rows }
    if (located.kind === 'training') {
      const t = mapTraining(located, { file, defaultVendor })
      const rejected = t.rejected
      return {
        report: { ...base, kind: 'training', rejected: rejected.length, loaded: rows - rejected.length, vendor: null, columns: t.columns },
        rejected,
        kind: 'training',
        ipc: trainingToArrowIPC(t.records),
        known: null,
      }
    }
    const m = mapTickets(located, { file, defaultVendor, mapping: opts.mapping, date1904: grid.date1904 })
    return {
      report: {
        ...base, kind: 'tickets', rejected: m.rejected.length, loaded: m.batch.length, vendor: m.vendorColumn ? null : defaultVendor,
        warnings: m.warnings, columns: m.columns, missing: m.missing,
      },
      rejected: m.rejected,
      kind: 'tickets',
      ipc: batchToArrowIPC(m.batch),
      known: m.batch.known,
    }
  }
  catch (e) {
    return failedImport(file, e instanceof Error ? e.message : String(e))
  }
}
