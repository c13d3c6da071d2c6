/** One hostile export, used by the Node and the browser tests alike. */
export const HOSTILE_VENDOR = '<script>alert("v")</script>'
export const HOSTILE_CATEGORY = '<img src=x onerror=alert(1)>'
export const HOSTILE_FILE = '<svg onload=alert(1)>_tickets.csv'

// Headers a hostile or careless export can carry: quotes, SQL, prototype keys, case twins.
export const HOSTILE_HEADERS = ['Ticket ID', 'Vendor', 'Created time', 'Initial response time', 'Category', 'say "hi"', '";DROP TABLE tickets;--', '__proto__', 'constructor', 'Note', 'NOTE', 'note']

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

/** Three tickets: two of the hostile vendor, one of 'Plain'; every category the hostile one. */
export function hostileCsv(): Uint8Array {
  const row = (i: number, vendor: string) => [`X${i}`, quote(vendor), '2026-11-20 10:00', '2026-11-20 10:30', quote(HOSTILE_CATEGORY), 'q', quote("'; DROP TABLE tickets; --"), quote('{"polluted":1}'), 'x', 'a', 'b', 'c'].join(',')
  return new TextEncoder().encode(`${[HOSTILE_HEADERS.map(quote).join(','), row(1, HOSTILE_VENDOR), row(2, HOSTILE_VENDOR), row(3, 'Plain')].join('\n')}\n`)
}
