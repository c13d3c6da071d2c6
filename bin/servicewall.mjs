#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the CLI and the wall share src/ as is (no separate build).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
