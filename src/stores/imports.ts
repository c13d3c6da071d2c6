import type { Mapping } from '../core/schema'
import type { ImportReport } from '../core/report-types'
import type { Inspection, LoadProgress, PendingFile } from './backend'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw } from 'vue'
import { recallMapping, rememberMapping } from '../composables/mapping-memory'
import { useDatasetStore } from './dataset'

export type Question =
  | { kind: 'vendor', file: string, defaultVendor: string }
  | { kind: 'mapping', inspection: Inspection }

const needsMapping = (i: Inspection) => i.error === null && i.headers.length > 0 && (i.kind === null || i.missing.length > 0)

/**
 * Dropped files → inspect → ask the vendor / a column mapping when needed → load
 * with progress → import report. One batch at a time; later drops wait their turn.
 */
export const useImportsStore = defineStore('imports', () => {
  const dataset = useDatasetStore()
  const question = shallowRef<Question | null>(null)
  const progress = ref<LoadProgress[]>([])
  const busy = ref(false)
  const error = ref<string | null>(null)
  const summaryOpen = ref(false)
  const lastReport = shallowRef<ImportReport | null>(null)
  let answer: ((v: string | Mapping | null) => void) | null = null
  let chain: Promise<void> = Promise.resolve()

  function ask<T extends string | Mapping>(q: Question): Promise<T | null> {
    question.value = q
    return new Promise(resolve => (answer = resolve as (v: string | Mapping | null) => void))
  }

  /** The dialog's answer; null skips the file. */
  function reply(v: string | Mapping | null): void {
    // A plain copy: the answer goes to a Web Worker, which cannot clone a Vue proxy.
    if (v !== null && typeof v === 'object') v = { ...toRaw(v) }
    const a = answer
    answer = null
    question.value = null
    a?.(v)
  }

  async function prepare(file: File): Promise<PendingFile | null> {
    const b = dataset.backend!
    let ins = await b.inspect(file)
    let mapping: Mapping | undefined
    if (needsMapping(ins)) {
      const remembered = recallMapping(ins.headers)
      if (remembered) ins = await b.inspect(file, remembered)
      if (needsMapping(ins)) {
        const chosen = await ask<Mapping>({ kind: 'mapping', inspection: ins })
        if (!chosen) return null
        rememberMapping(ins.headers, chosen)
        ins = await b.inspect(file, chosen)
        mapping = chosen
      }
      else mapping = remembered ?? undefined
    }
    let vendor: string | undefined
    if (ins.error === null && ins.kind !== null && !ins.hasVendorColumn) {
      const v = await ask<string>({ kind: 'vendor', file: file.name, defaultVendor: ins.defaultVendor })
      if (v === null) return null
      vendor = v
    }
    return { file, vendor, mapping }
  }

  async function run(files: File[]): Promise<void> {
    const b = dataset.backend
    if (!b || files.length === 0) return
    busy.value = true
    error.value = null
    try {
      const pending: PendingFile[] = []
      for (const f of files) {
        const p = await prepare(f)
        if (p) pending.push(p)
      }
      if (!pending.length) return
      progress.value = pending.map(p => ({ file: p.file.name, phase: 'reading', bytesRead: 0, bytesTotal: p.file.size, rows: 0 }))
      // The first real file replaces the demo in one step: no empty wall in between.
      lastReport.value = await b.load(pending, (p) => {
        progress.value = progress.value.map(x => (x.file === p.file ? { ...p } : x))
      }, { replace: dataset.isDemo })
      dataset.isDemo = false
      await dataset.refresh()
      summaryOpen.value = true
    }
    catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      summaryOpen.value = true
    }
    finally {
      busy.value = false
      progress.value = []
    }
  }

  function importFiles(files: File[]): Promise<void> {
    chain = chain.then(() => run(files))
    return chain
  }

  const overall = computed(() => {
    const total = progress.value.reduce((s, p) => s + p.bytesTotal, 0)
    const read = progress.value.reduce((s, p) => s + Math.min(p.bytesRead, p.bytesTotal), 0)
    return { bytesRead: read, bytesTotal: total, rows: progress.value.reduce((s, p) => s + p.rows, 0), ratio: total ? read / total : 0 }
  })

  return { question, progress, overall, busy, error, summaryOpen, lastReport, reply, importFiles }
})
