/** The column report of every file, for `--format md`: each column's field, how it was found, and what a file cannot tell. */
import type { FileReport, KpiReport } from '../report-types'

const esc = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ')

function fileSection(f: FileReport): string {
  const cols = f.columns ?? []
  const head = `### ${esc(f.file)}`
  const counts = f.update_rows
    ? `\n\n${f.loaded} tickets from ${f.rows} rows: ${f.update_rows} rows were earlier states of a ticket further down the file (one row per update); the latest state is kept.`
    : ''
  if (cols.length === 0) return `${head}${counts}`
  const rows = cols.map(c => `| ${c.index} | ${esc(c.header)} | ${c.field ?? '— not used'} | ${c.how ?? ''} | ${esc([...c.detected, ...(c.note ? [c.note] : [])].join('; '))} | ${esc(c.samples.join(', '))} |`)
  const table = ['| # | Header 列名 | Field 字段 | How 方式 | Detected 识别 | Samples 样例 |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n')
  const missing = (f.missing ?? []).map(m => `- ${m.reason} (${m.kpis.join(', ')})`)
  return [head + counts, table, ...(missing.length ? [`Cannot contribute 无法计入:\n\n${missing.join('\n')}`] : [])].join('\n\n')
}

/** Columns 列: one table per file that was read. */
export function columnsSection(r: KpiReport): string {
  const files = r.import.files.filter(f => f.error === null)
  return files.length ? files.map(fileSection).join('\n\n') : 'No file was read.'
}
