/**
 * The wall's Content-Security-Policy: its own origin only, wasm compiled by DuckDB
 * ('wasm-unsafe-eval'), workers from its own files or blob: URLs. `npm start` and the
 * end-to-end server send it as a header; index.html keeps the same policy in a meta
 * tag (a unit test holds them equal) for servers that send no header.
 * docs/serving.md shows it in nginx and Caddy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ')

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}
