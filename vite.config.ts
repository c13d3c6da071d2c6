import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { SECURITY_HEADERS } from './scripts/csp.ts'

// The wasm and the DuckDB worker are imported with ?url so Vite copies them into dist/:
// the wall never fetches anything from another origin.
export default defineConfig({
  plugins: [vue()],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
  server: { host: '127.0.0.1' },
})
