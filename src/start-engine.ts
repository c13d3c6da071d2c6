// Imported first by src/main.ts: ES modules run in import order, so the DuckDB worker starts
// compiling before the rest of the wall's code (Vue, ECharts, the pages) has even run
// (src/db/engine-boot.ts). The first visit's longest step then overlaps the wall's start.
import { startEngine } from './db/engine-boot'

startEngine()
