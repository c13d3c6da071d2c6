/**
 * The wall's Content-Security-Policy: its own origin only, wasm compiled by DuckDB
 * ('wasm-unsafe-eval'), workers from its own files or blob: URLs. `npm start` and the
 * end-to-end server send it as a header; index.html keeps the same policy in a meta
 * tag (a test holds them equal) for servers that send no header.
 * docs/serving.md shows it in nginx and Caddy.
 *
 * Beyond the four directives of the strict policy, the PNG export of a whole wall page
 * (modern-screenshot: the page is redrawn as an SVG image with its styles inlined) needs
 * images from data:/blob: URLs and inline styles. Scripts stay strict; a server that sends
 * only the first four directives still runs the wall, and the page PNG then says it is blocked.
 */
export const STRICT_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ')

export const CONTENT_SECURITY_POLICY = `${STRICT_CONTENT_SECURITY_POLICY}; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'`

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}
