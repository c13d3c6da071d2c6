/**
 * Reads the demo files back with nothing but iconv-lite, fflate and hyparquet, independently of the
 * product's importer: CSV records, XLSX cells (after an XML well-formedness check), Parquet rows.
 */
import iconv from 'iconv-lite'
import { strFromU8, unzipSync } from 'fflate'
import { parquetMetadata, parquetReadObjects } from 'hyparquet'
import type { SchemaElement } from 'hyparquet'

export type Value = string | number | Date | null

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++ }
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') { row.push(cell); cell = '' }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell); rows.push(row); row = []; cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row) }
  return rows
}

export function decodeGbk(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gbk')
}

/** Throws unless `xml` is well-formed: one root, balanced tags, quoted attributes, known entities. */
export function checkWellFormed(xml: string, name: string): void {
  const fail = (why: string, at: number): never => { throw new Error(`${name}: ${why} at ${at}`) }
  const stack: string[] = []
  let roots = 0
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0
  const text = (s: string, at: number): void => {
    for (const m of s.matchAll(/&([^;]*);?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1] ?? '') || !m[0].endsWith(';')) fail('bad entity', at)
    }
    if (s.includes('<')) fail('stray <', at)
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    const chunk = lt < 0 ? xml.slice(i) : xml.slice(i, lt)
    if (stack.length === 0 && chunk.trim() !== '') fail('text outside the root', i)
    text(chunk, i)
    if (lt < 0) break
    const gt = xml.indexOf('>', lt)
    if (gt < 0) fail('unclosed tag', lt)
    const tag = xml.slice(lt + 1, gt)
    const close = /^\/([\w:.-]+)\s*$/.exec(tag)
    if (close) {
      if (stack.pop() !== close[1]) fail(`mismatched </${close[1]}>`, lt)
    } else {
      const open = /^([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*(\/?)$/.exec(tag)
      if (!open) fail(`malformed tag <${tag.slice(0, 40)}>`, lt)
      text(open?.[2] ?? '', lt)
      if (stack.length === 0 && ++roots > 1) fail('second root element', lt)
      if (open?.[3] !== '/') stack.push(open?.[1] ?? '')
    }
    i = gt + 1
  }
  if (stack.length > 0 || roots !== 1) fail(`unclosed <${stack.join('><')}>`, xml.length)
}

const unescape = (s: string): string => s
  .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
  .replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&')

export interface XlsxSheet {
  name: string
  /** Sparse rows by row number; cells as strings (shared strings resolved) or numbers. */
  rows: Map<number, (string | number | null)[]>
  /** Style index of each numeric cell, by A1 reference. */
  styles: Map<string, number>
  merges: string[]
}

export interface XlsxBook {
  parts: string[]
  sheets: XlsxSheet[]
  date1904: boolean
  /** numFmt id → format code, and cellXfs → numFmt id. */
  numFmts: Map<number, string>
  cellXfs: number[]
}

export function readXlsx(bytes: Uint8Array): XlsxBook {
  const files = unzipSync(bytes)
  const xml = (name: string): string => {
    const f = files[name]
    if (!f) throw new Error(`missing part ${name}`)
    const s = strFromU8(f)
    checkWellFormed(s, name)
    return s
  }
  for (const name of Object.keys(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) xml(name)
  const strings = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => [...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1] ?? '')).join(''))
  const workbook = xml('xl/workbook.xml')
  const rels = xml('xl/_rels/workbook.xml.rels')
  const styles = xml('xl/styles.xml')
  const sheets = [...workbook.matchAll(/<sheet name="([^"]*)" sheetId="\d+" r:id="([^"]+)"\/>/g)].map((m) => {
    const target = new RegExp(`Id="${m[2] ?? ''}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? ''
    const sheetXml = xml(`xl/${target}`)
    const rows = new Map<number, (string | number | null)[]>()
    const cellStyles = new Map<string, number>()
    for (const r of sheetXml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: (string | number | null)[] = []
      for (const c of (r[2] ?? '').matchAll(/<c r="([A-Z]+)(\d+)"((?: [a-z]+="[^"]*")*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
        const col = [...(c[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
        const attrs = c[3] ?? ''
        const v = c[4] ?? ''
        const s = /s="(\d+)"/.exec(attrs)?.[1]
        if (s !== undefined) cellStyles.set(`${c[1] ?? ''}${c[2] ?? ''}`, Number(s))
        cells[col] = attrs.includes('t="s"') ? strings[Number(v)] ?? null : Number(v)
      }
      rows.set(Number(r[1]), Array.from(cells, (x) => x ?? null))
    }
    const merges = [...sheetXml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((x) => x[1] ?? '')
    return { name: unescape(m[1] ?? ''), rows, styles: cellStyles, merges }
  })
  return {
    parts: Object.keys(files), sheets, date1904: /date1904="(1|true)"/.test(workbook),
    numFmts: new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [Number(m[1]), unescape(m[2] ?? '')])),
    cellXfs: [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => Number(m[1])),
  }
}

export async function readParquet(bytes: Uint8Array): Promise<{ schema: SchemaElement[], rows: Record<string, Value>[] }> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const schema = parquetMetadata(file).schema
  const rows = (await parquetReadObjects({ file })) as Record<string, Value>[]
  return { schema, rows }
}
