import type { StoredSource } from '../stores/backend'

/** A file of the watched source: `file` is null when it is the same as the stored copy. */
export interface ListedFile {
  source: StoredSource
  file: File | null
}

export interface WatchSource {
  kind: 'folder' | 'url'
  /** The folder's name or the base URL, for the dialog. */
  label: string
  list: (previous: (name: string) => StoredSource | undefined) => Promise<ListedFile[]>
}

const DATA_FILE = /\.(?:csv|tsv|txt|xlsx|parquet)$/i

/** A folder picked through the File System Access API: size and lastModified tell a changed file. */
export function folderSource(dir: FileSystemDirectoryHandle): WatchSource {
  return {
    kind: 'folder',
    label: dir.name,
    async list(previous) {
      const out: ListedFile[] = []
      for await (const h of (dir as unknown as { values: () => AsyncIterable<FileSystemHandle> }).values()) {
        if (h.kind !== 'file' || !DATA_FILE.test(h.name)) continue
        const f = await (h as FileSystemFileHandle).getFile()
        const prev = previous(f.name)
        const same = prev?.size === f.size && prev.lastModified === f.lastModified
        out.push({ source: { origin: 'folder', name: f.name, size: f.size, lastModified: f.lastModified, vendor: prev?.vendor }, file: same ? null : f })
      }
      // Load order = name order, so a re-listed folder gives the same data set.
      return out.sort((a, b) => a.source.name.localeCompare(b.source.name))
    },
  }
}

interface ManifestItem { name: string, vendor?: string }

/** `{"files": ["a.csv", {"name": "b.xlsx", "vendor": "SAP B1"}]}` or a plain array of the same. */
export function parseDataManifest(v: unknown): ManifestItem[] {
  const list: unknown = Array.isArray(v) ? v : (v as { files?: unknown } | null)?.files
  if (!Array.isArray(list)) throw new Error('manifest.json must list the files: {"files": ["a.csv", …]}')
  return list.map((x): ManifestItem => {
    if (typeof x === 'string') return { name: x }
    const o = x as { name?: unknown, vendor?: unknown } | null
    if (typeof o?.name !== 'string') throw new Error(`manifest.json: an entry without a file name: ${JSON.stringify(x)}`)
    return { name: o.name, ...(typeof o.vendor === 'string' && o.vendor ? { vendor: o.vendor } : {}) }
  }).filter(x => x.name && !x.name.includes('..') && !x.name.startsWith('/'))
}

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(d, b => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Same-origin files published in a folder (default /data/) and listed in its manifest.json.
 * A 304 to a conditional request, or the same SHA-256, tells an unchanged file.
 */
export function urlSource(base: string, fetcher: typeof fetch = (...a) => fetch(...a)): WatchSource {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, location.href)
  if (root.origin !== location.origin) throw new Error(`only same-origin sources can be watched, not ${root.origin}`)
  return {
    kind: 'url',
    label: root.pathname,
    async list(previous) {
      const res = await fetcher(new URL('manifest.json', root), { cache: 'no-store' })
      if (!res.ok) throw new Error(`${root.pathname}manifest.json: HTTP ${res.status}`)
      const out: ListedFile[] = []
      for (const item of parseDataManifest(await res.json())) {
        const prev = previous(item.name)
        const headers: Record<string, string> = {}
        if (prev?.etag) headers['If-None-Match'] = prev.etag
        const r = await fetcher(new URL(encodeURIComponent(item.name), root), { cache: 'no-store', headers })
        if (r.status === 304 && prev) {
          out.push({ source: { ...prev, vendor: item.vendor }, file: null })
          continue
        }
        if (!r.ok) throw new Error(`${root.pathname}${item.name}: HTTP ${r.status}`)
        const bytes = await r.arrayBuffer()
        const hash = await sha256(bytes)
        const etag = r.headers.get('ETag') ?? undefined
        const source: StoredSource = { origin: 'url', name: item.name, size: bytes.byteLength, hash, etag, vendor: item.vendor }
        out.push({ source, file: prev?.hash === hash && prev.vendor === item.vendor ? null : new File([bytes], item.name) })
      }
      return out
    },
  }
}
