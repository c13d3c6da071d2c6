import type { Engine } from '../../../src/core/engine'
import { DERIVED_TABLES } from '../../../src/core/sql/tickets-table'

/** Every row of every derived table present, as text in a fixed order, with its column names and types (an ENUM as ENUM). */
export async function derivedTables(e: Engine): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  const present = new Set((await e.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main'`)).map(r => r.t))
  for (const t of DERIVED_TABLES.filter(x => present.has(x))) {
    const types = await e.query<{ c: string, ty: string }>(`SELECT column_name AS c, data_type AS ty FROM duckdb_columns() WHERE table_name = '${t}' ORDER BY column_index`)
    // tickets_meta.build is a random id per build (or put back): not part of the data.
    const rows = await e.query<{ r: string }>(`SELECT (COLUMNS(${t === 'tickets_meta' ? '* EXCLUDE (build)' : '*'}))::VARCHAR FROM ${t}`)
    out[t] = [types.map(x => `${x.c}:${x.ty.startsWith('ENUM(') ? 'ENUM' : x.ty}`).join(','), ...rows.map(r => JSON.stringify(r)).sort()]
  }
  return out
}

/** The engine with every statement it runs recorded, to tell a build from a snapshot put back. */
export function recording(e: Engine): { engine: Engine, statements: string[] } {
  const statements: string[] = []
  return { statements, engine: { ...e, exec: async (sql) => { statements.push(sql); await e.exec(sql) } } }
}

/** True when the statements include the build's `tickets` table (a snapshot puts it back with another statement). */
export const built = (statements: string[]) => statements.some(s => s.startsWith('CREATE TABLE tickets_n AS\nSELECT'))
