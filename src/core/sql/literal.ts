/** Numbers from the config go into SQL as literals; anything not a finite number is a programming error. */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`)
  return String(n)
}

/** A column alias we generate ourselves (KPI keys); never user text. */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a generated identifier: ${name}`)
  return `"${name}"`
}

/**
 * A number as a DOUBLE literal (exponent form: 0.95 → 9.5e-1). DuckDB reads a plain 0.95 as
 * a DECIMAL and binds a cast around it; an exponent literal is a DOUBLE already, which makes
 * expression-heavy SQL (the score CASEs) cheaper to plan. Same value: the shortest exponent
 * form round-trips exactly.
 */
export function dbl(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`)
  return n.toExponential()
}
