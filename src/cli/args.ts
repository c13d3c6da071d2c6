import { parseArgs } from 'node:util'
import { isMonth } from '../core/filters'

export interface ReportArgs {
  files: string[]
  format: 'md' | 'json' | 'csv' | 'html' | 'xlsx'
  /** The monthly report's month (html, xlsx); null = the latest month in the data. */
  month: string | null
  lang: 'zh' | 'en'
  out: string | null
  vendors: Map<string, string>
  from: string | null
  to: string | null
  onlyVendors: string[]
  asOf: string | null
  /** Mapping file for every file (--map FILE.json), null when none. */
  map: string | null
  /** Mapping file per input file (--map INPUT=FILE.json), keyed as given (path or base name). */
  fileMaps: Map<string, string>
  config: string | null
}

export const USAGE = `Usage: servicewall report [options] FILE...
       servicewall convert FILE... --out DIR   (servicewall convert --help)

Reads ticket exports (CSV in UTF-8/GBK/UTF-16, XLSX, Parquet), training records and
converted files (*.servicewall, written by servicewall convert),
computes every KPI of the contract in DuckDB and prints the report.

Options:
  --format md|json|csv|html|xlsx
                         output format (default md: KPI tables with grades and the ranking);
                         html and xlsx are the monthly report (服务月报) of --month
  --month YYYY-MM        the monthly report's month (default: the latest month in the data)
  --lang zh|en           language of the html and xlsx report (default zh)
  --out FILE             write the report to FILE instead of standard output (xlsx needs it)
  --vendor FILE=NAME     vendor for a file without a vendor column (repeatable;
                         default: the file name up to its first "_")
  --from YYYY-MM         first month (of created_at) to include
  --to YYYY-MM           last month to include
  --only-vendor NAME     only this vendor (repeatable)
  --as-of TIMESTAMP      "now" for SLA eligibility (default: latest timestamp in the data)
  --map FILE             JSON mapping {canonical field: header} for every file
  --map INPUT=FILE       the same for one input file only (repeatable; wins over --map FILE)
  --config FILE          JSON config: anchors, SLA targets, weights, calendars,
                         ratings, headcount (docs/kpis.md); a file that fails
                         validation is refused with each field and the reason
  -h, --help             this text

Exit status: 0 when at least one file loaded, 2 otherwise (the reason on stderr).`

export class UsageError extends Error {}

export function parseReportArgs(argv: string[]): ReportArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'format': { type: 'string', default: 'md' },
      'month': { type: 'string' },
      'lang': { type: 'string', default: 'zh' },
      'out': { type: 'string' },
      'vendor': { type: 'string', multiple: true },
      'from': { type: 'string' },
      'to': { type: 'string' },
      'only-vendor': { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      'map': { type: 'string', multiple: true },
      'config': { type: 'string' },
      'help': { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const format = values.format
  if (format !== 'md' && format !== 'json' && format !== 'csv' && format !== 'html' && format !== 'xlsx') throw new UsageError(`--format must be md, json, csv, html or xlsx, not "${format}"`)
  if (format === 'xlsx' && !values.out) throw new UsageError('--format xlsx needs --out FILE')
  const lang = values.lang
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, not "${lang}"`)
  for (const [flag, v] of [['--from', values.from], ['--to', values.to], ['--month', values.month]] as const) {
    if (v !== undefined && !isMonth(v)) throw new UsageError(`${flag} expects YYYY-MM, got "${v}"`)
  }
  const vendors = parseVendors(values.vendor ?? [])
  if (positionals.length === 0) throw new UsageError('no input files given')
  const { map, fileMaps } = splitMaps(values.map ?? [], positionals)
  return {
    files: positionals,
    format,
    month: values.month ?? null,
    lang,
    out: values.out ?? null,
    vendors,
    from: values.from ?? null,
    to: values.to ?? null,
    onlyVendors: values['only-vendor'] ?? [],
    asOf: values['as-of'] ?? null,
    map,
    fileMaps,
    config: values.config ?? null,
  }
}

/** `--vendor FILE=NAME` (repeatable) -> FILE -> NAME. */
export function parseVendors(specs: string[]): Map<string, string> {
  const vendors = new Map<string, string>()
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=')
    if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--vendor expects FILE=NAME, got "${spec}"`)
    vendors.set(spec.slice(0, eq), spec.slice(eq + 1))
  }
  return vendors
}

/** `--map FILE.json` applies to every file; `--map INPUT=FILE.json` (INPUT an input path or base name) to one. */
export function splitMaps(specs: string[], inputs: string[]): { map: string | null, fileMaps: Map<string, string> } {
  const names = new Set(inputs.flatMap(f => [f, f.split(/[\\/]/).pop() ?? f]))
  const fileMaps = new Map<string, string>()
  let map: string | null = null
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=')
    const input = eq > 0 ? spec.slice(0, eq) : ''
    if (eq > 0 && names.has(input)) {
      if (eq === spec.length - 1) throw new UsageError(`--map expects INPUT=MAPPING.json, got "${spec}"`)
      fileMaps.set(input, spec.slice(eq + 1))
    }
    else if (eq > 0 && spec.slice(eq + 1).endsWith('.json') && !spec.slice(0, eq).endsWith('.json')) {
      throw new UsageError(`--map ${spec}: "${input}" is not one of the input files`)
    }
    else if (map !== null) throw new UsageError('--map FILE is given twice; use --map INPUT=FILE for one file')
    else map = spec
  }
  return { map, fileMaps }
}
