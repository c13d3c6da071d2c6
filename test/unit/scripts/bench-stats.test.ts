import { describe, expect, it } from 'vitest'
import { parentPid, percentile, processTree, pssKb, ratio, treePssMb } from '../../../scripts/bench-stats'

const rollup = (pss: number) => `55812e68c000-7fff00dc9000 ---p 00000000 00:00 0  [rollup]
Rss:                ${pss * 3} kB
Pss:                 ${pss} kB
Pss_Dirty:           ${pss - 1} kB
Pss_Anon:            112 kB
SwapPss:               0 kB
`

describe('bench helpers', () => {
  it('percentiles by nearest rank, whatever the input order', () => {
    const v = Array.from({ length: 50 }, (_, i) => 50 - i) // 50 … 1
    expect(percentile(v, 50)).toBe(25)
    expect(percentile(v, 95)).toBe(48)
    expect(percentile(v, 100)).toBe(50)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNull()
    expect(percentile([3, 1, 2], 0)).toBe(1)
  })

  it('ratios to two decimals, none without a baseline', () => {
    expect(ratio(300, 200)).toBe(1.5)
    expect(ratio(1, 3)).toBe(0.33)
    expect(ratio(5, 0)).toBeNull()
    expect(ratio(null, 2)).toBeNull()
  })

  it('reads Pss, not Pss_Dirty or Rss, and sums a tree in MB', () => {
    expect(pssKb(rollup(2048))).toBe(2048)
    expect(pssKb('')).toBe(0)
    expect(treePssMb([rollup(1024), rollup(2048), rollup(512), ''])).toBe(4) // 3.5 MB rounds to 4
  })

  it('finds the parent pid behind a command name with spaces and parentheses', () => {
    expect(parentPid('4242 (chrome (renderer) x) S 4200 4242 4200 0 -1')).toBe(4200)
  })

  it('walks every descendant of the root and nothing else', () => {
    const parents = new Map([[10, 1], [11, 10], [12, 10], [13, 11], [20, 1], [21, 20]])
    expect(processTree(10, parents).sort()).toEqual([10, 11, 12, 13])
    expect(processTree(99, parents)).toEqual([99])
  })
})
