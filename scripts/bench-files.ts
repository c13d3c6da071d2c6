/**
 * The bench's input files. One CSV up to the wall's CSV cap (3 M rows / 512 MB a file,
 * src/import/types.ts); above it the tickets are split into files of 2.5 M rows, with ticket
 * ids that continue from one file to the next, and every engine gets the same files.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { benchCsv } from './bench-data'

export const SPLIT_ABOVE = 3_000_000
export const PART_ROWS = 2_500_000

export function benchFiles(rows: number, dir: string): { files: string[], mb: number } {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  const parts = rows > SPLIT_ABOVE ? Math.ceil(rows / PART_ROWS) : 1
  for (let i = 0, done = 0; i < parts; i++) {
    const n = Math.min(rows - done, Math.ceil(rows / parts))
    const file = path.join(dir, parts === 1 ? `bench_${rows}.csv` : `bench_${rows}_part${i + 1}.csv`)
    writeFileSync(file, benchCsv(n, 7 + i, done))
    files.push(file)
    done += n
  }
  return { files, mb: Math.round(files.reduce((s, f) => s + statSync(f).size, 0) / 1e6) }
}
