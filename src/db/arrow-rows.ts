import type { Table } from 'apache-arrow'
import type { Row } from '../core/engine'

/** Arrow result -> plain rows. BigInts become numbers (counts are small); nothing else is converted. */
export function tableToRows<T = Row>(table: Table): T[] {
  const names = table.schema.fields.map(f => f.name)
  const columns = names.map((_, i) => table.getChildAt(i))
  const rows: T[] = new Array(table.numRows)
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {}
    for (let c = 0; c < names.length; c++) {
      const v: unknown = columns[c]?.get(r)
      row[names[c] as string] = typeof v === 'bigint' ? Number(v) : v
    }
    rows[r] = row as T
  }
  return rows
}
