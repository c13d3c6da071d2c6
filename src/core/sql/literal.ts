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
