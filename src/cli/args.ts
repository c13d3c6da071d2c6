import { parseArgs } from 'node:util'
import { isMonth } from '../core/filters'

export interface ReportArgs {
  files: string[]
  format: 'md' | 'json' | 'csv'
  out: string | null
  vendors: Map<string, string>
  from: string | null
  to: string | null
  onlyVendors: string[]
  asOf: string | null
  map: string | null
  config: string | null
}

export const USAGE = `Usage: servicewall report [options] FILE...

Reads ticket exports (CSV in UTF-8/GBK/UTF-16, XLSX, Parquet) and training records,
computes every KPI of the contract in DuckDB and prints the report.

Options:
  --format md|json|csv   output format (default md: KPI tables with grades and the ranking)
  --out FILE             write the report to FILE instead of standard output
  --vendor FILE=NAME     vendor for a file without a vendor column (repeatable;
                         default: the file name up to its first "_")
  --from YYYY-MM         first month (of created_at) to include
  --to YYYY-MM           last month to include
  --only-vendor NAME     only this vendor (repeatable)
  --as-of TIMESTAMP      "now" for SLA eligibility (default: latest timestamp in the data)
  --map FILE             JSON mapping {canonical field: header} for unrecognised headers
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
      'out': { type: 'string' },
      'vendor': { type: 'string', multiple: true },
      'from': { type: 'string' },
      'to': { type: 'string' },
      'only-vendor': { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      'map': { type: 'string' },
      'config': { type: 'string' },
      'help': { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const format = values.format
  if (format !== 'md' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be md, json or csv, not "${format}"`)
  for (const [flag, v] of [['--from', values.from], ['--to', values.to]] as const) {
    if (v !== undefined && !isMonth(v)) throw new UsageError(`${flag} expects YYYY-MM, got "${v}"`)
  }
  const vendors = new Map<string, string>()
  for (const spec of values.vendor ?? []) {
    const eq = spec.lastIndexOf('=')
    if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--vendor expects FILE=NAME, got "${spec}"`)
    vendors.set(spec.slice(0, eq), spec.slice(eq + 1))
  }
  if (positionals.length === 0) throw new UsageError('no input files given')
  return {
    files: positionals,
    format,
    out: values.out ?? null,
    vendors,
    from: values.from ?? null,
    to: values.to ?? null,
    onlyVendors: values['only-vendor'] ?? [],
    asOf: values['as-of'] ?? null,
    map: values.map ?? null,
    config: values.config ?? null,
  }
}
