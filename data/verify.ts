/**
 * Regenerates the demo into a temporary directory, checks it is byte-identical to data/demo, and reads
 * every file back (iconv-lite, fflate + XML well-formedness, hyparquet) against the manifest.
 * Usage: npx tsx data/verify.ts
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './generate.ts'
import { checkFile } from './gen/check.ts'

const here = dirname(fileURLToPath(import.meta.url))
const demo = join(here, 'demo')
const tmp = mkdtempSync(join(tmpdir(), 'servicewall-demo-'))
let failed = false
try {
  const { exports } = generate(join(tmp, 'demo'), join(tmp, 'demo-config.json'))
  for (const name of readdirSync(join(tmp, 'demo'))) {
    const same = Buffer.compare(readFileSync(join(tmp, 'demo', name)), readFileSync(join(demo, name))) === 0
    console.log(`${same ? 'same bytes' : 'DIFFERS   '}  ${name}`)
    failed ||= !same
  }
  for (const e of exports) {
    const { problems } = await checkFile(demo, e.manifest, e.tickets)
    console.log(`${problems.length === 0 ? 'ok' : 'PROBLEMS'}  ${e.file}`)
    for (const p of problems) console.log(`   ${p}`)
    failed ||= problems.length > 0
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
