/** Deterministic randomness: mulberry32 streams, one per named purpose, so that changing one vendor does not shift another. */

/** 32-bit FNV-1a of a string, used to derive stream seeds from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** An independent stream derived from this one's seed and a label. */
  static derive(seed: number, label: string): Random {
    return new Random((hashString(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0)
  }

  /** mulberry32: uniform in [0, 1). */
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** Index drawn with probability proportional to weights[i]. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0
    for (const w of weights) total += w
    let x = this.float() * total
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] ?? 0
      if (x < 0) return i
    }
    return weights.length - 1
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const item = items[this.weightedIndex(items.map(weight))]
    if (item === undefined) throw new Error('weighted pick from an empty list')
    return item
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.float()
    const v = this.float()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Log-normal with the given median and log-space sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** k distinct items, in the order drawn. */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items]
    const out: T[] = []
    while (out.length < k && pool.length > 0) {
      const i = Math.floor(this.float() * pool.length)
      const [item] = pool.splice(i, 1)
      if (item !== undefined) out.push(item)
    }
    return out
  }
}
