import type { KpiConfig } from '../../../src/core/config'
import type { ImportedFile } from '../../../src/core/dataset'
import type { Filters } from '../../../src/core/filters'
import type { ImportReport, KpiReport } from '../../../src/core/report-types'
import type { Mapping } from '../../../src/core/schema'
import type { Inspection, KeepImported, LoadProgress, PendingFile, RestartInfo, WallBackend } from '../../../src/stores/backend'
import { vi } from 'vitest'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { report, vendorRow } from './report'

export interface FakeBackend extends WallBackend {
  reports: Filters[]
  /** Calls the listeners given to onRestart, as after a crash of the DuckDB worker. */
  restart: (info: RestartInfo) => void
  /** Resolve report() calls by hand: each call waits for `release`. */
  hold: boolean
  release: () => void
}

/** What the import worker would give for a file: two tickets, its name as the IPC bytes. */
export function parsed(f: PendingFile): ImportedFile {
  return {
    report: { file: f.file.name, format: 'csv', encoding: 'utf-8', rows: 2, loaded: 2, rejected: 0, duplicates: 0, error: null, vendor: f.vendor ?? null },
    rejected: [], kind: 'tickets', ipc: new TextEncoder().encode(f.file.name), known: null,
  }
}

export function fakeBackend(inspections: Record<string, Partial<Inspection>> = {}): FakeBackend {
  let imp: ImportReport = { files: [], rejected: [] }
  let sources: PendingFile[] = []
  let overrides: KpiConfig = DEFAULT_CONFIG
  let waiting: (() => void)[] = []
  const restartListeners: ((info: RestartInfo) => void)[] = []
  const b: FakeBackend = {
    reports: [],
    restart: (info) => {
      imp = { files: [], rejected: [] }
      restartListeners.forEach(l => l(info))
    },
    hold: false,
    release: () => {
      const w = waiting
      waiting = []
      w.forEach(f => f())
    },
    inspect: vi.fn(async (file: File, mapping?: Mapping): Promise<Inspection> => ({
      file: file.name, kind: 'tickets' as const, headers: ['id', 'created'], preview: [], mapping: mapping ?? { ticket_id: 'id', created_at: 'created' },
      missing: [], hasVendorColumn: true, defaultVendor: file.name.split('_')[0]!, error: null, ...inspections[file.name], ...(mapping ? { missing: [], kind: 'tickets' as const } : {}),
    })),
    load: vi.fn(async (files: PendingFile[], onProgress: (p: LoadProgress) => void, opts?: { keep?: KeepImported, replace?: boolean }) => {
      if (opts?.replace) {
        imp = { files: [], rejected: [] }
        sources = []
      }
      for (const f of files) {
        onProgress({ file: f.file.name, phase: 'done', bytesRead: f.file.size, bytesTotal: f.file.size, rows: 2 })
        await opts?.keep?.(f, parsed(f))
      }
      sources = [...sources, ...files]
      imp = { files: [...imp.files, ...files.map(f => parsed(f).report)], rejected: imp.rejected }
      return imp
    }),
    parse: vi.fn(async (f: PendingFile) => parsed(f)),
    replace: vi.fn(async (files: ImportedFile[]) => {
      sources = []
      return (imp = { files: files.map(f => f.report), rejected: files.flatMap(f => f.rejected) })
    }),
    append: vi.fn(async (files: ImportedFile[]) => (imp = { files: [...imp.files, ...files.map(f => f.report)], rejected: [...imp.rejected, ...files.flatMap(f => f.rejected)] })),
    overrides: () => overrides,
    source: (i: number) => sources[i] ?? null,
    replaceFile: vi.fn(async (i: number, f: PendingFile, imported: ImportedFile) => {
      sources[i] = f
      imp = { ...imp, files: imp.files.map((r, j) => (j === i ? imported.report : r)) }
      return imp
    }),
    loadDemo: vi.fn(async () => (imp = { files: [{ file: 'demo.csv', format: 'csv', encoding: 'utf-8', rows: 1, loaded: 1, rejected: 0, duplicates: 0, error: null }], rejected: [] })),
    configure: vi.fn(async (c: KpiConfig) => {
      overrides = c
    }),
    clear: vi.fn(async () => {
      imp = { files: [], rejected: [] }
      sources = []
    }),
    async report(f): Promise<KpiReport> {
      b.reports.push(f)
      if (b.hold) await new Promise<void>(r => waiting.push(r))
      return f.vendors?.length ? report([vendorRow(f.vendors[0]!, 1)], { filters: f }) : report([vendorRow('A', 1, {}, 80), vendorRow('B', 2, {}, 60)], { filters: f })
    },
    // The draft config's reputation weight decides the order, so a test can see a change.
    preview: vi.fn(async (cfg, f) => report(cfg.dimensions.reputation.weight > 20 ? [vendorRow('B', 1, {}, 90), vendorRow('A', 2, {}, 70)] : [vendorRow('A', 1, {}, 80), vendorRow('B', 2, {}, 60)], { filters: f })),
    extras: async () => ({ response_hist: [], heatmap: [], csat_dist: [], channel_mix: [], categories: [] }),
    options: async () => ({ months: ['2026-10', '2026-11'], vendors: ['A', 'B'], priorities: ['P1'], channels: ['phone'], categories: ['x'] }),
    importReport: () => imp,
    monthly: async (f, month) => {
      const cur = report([vendorRow('A', 1)], { filters: { ...f, from: month, to: month } })
      return { month, previous_month: month, as_of: cur.as_of, filters: f, current: cur, previous: cur, trend_months: [month], trend: [], worst: { resolutions: [], breaches: [], recurred: [] }, categories: [] }
    },
    breaches: async () => [],
    memory: async () => 0,
    onRestart: l => void restartListeners.push(l),
    setRestorer: vi.fn(),
  }
  return b
}
