import type { Data } from 'apache-arrow'
import { Bool, Float64, Int32, makeData, Utf8 } from 'apache-arrow'

// Arrow columns built straight from JS arrays: apache-arrow's generic builders
// (vectorFromArray) cost about 9 µs a row here, which is most of an import.

function validity(n: number, isNull: (i: number) => boolean): { bitmap: Uint8Array, nulls: number } {
  const bitmap = new Uint8Array((n + 7) >> 3)
  let nulls = 0
  for (let i = 0; i < n; i++) {
    if (isNull(i)) nulls++
    else bitmap[i >> 3]! |= 1 << (i & 7)
  }
  return { bitmap, nulls }
}

export function utf8Column(values: readonly (string | null)[]): Data<Utf8> {
  const n = values.length
  const encoder = new TextEncoder()
  const offsets = new Int32Array(n + 1)
  let bytes = new Uint8Array(Math.max(64, n * 16))
  let used = 0
  for (let i = 0; i < n; i++) {
    const s = values[i]
    if (s) {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      if (used + s.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, used + s.length * 3))
        grown.set(bytes.subarray(0, used))
        bytes = grown
      }
      used += encoder.encodeInto(s, bytes.subarray(used)).written
    }
    offsets[i + 1] = used
  }
  const { bitmap, nulls } = validity(n, i => values[i] === null || values[i] === undefined)
  return makeData({ type: new Utf8(), length: n, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: bytes.subarray(0, used) })
}

export function float64Column(values: readonly (number | null)[]): Data<Float64> {
  const n = values.length
  const data = new Float64Array(n)
  for (let i = 0; i < n; i++) data[i] = values[i] ?? 0
  const { bitmap, nulls } = validity(n, i => values[i] === null || values[i] === undefined)
  return makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: bitmap, data })
}

export function int32Column(values: readonly (number | null)[]): Data<Int32> {
  const n = values.length
  const data = new Int32Array(n)
  for (let i = 0; i < n; i++) data[i] = values[i] ?? 0
  const { bitmap, nulls } = validity(n, i => values[i] === null || values[i] === undefined)
  return makeData({ type: new Int32(), length: n, nullCount: nulls, nullBitmap: bitmap, data })
}

export function boolColumn(values: readonly (boolean | null)[]): Data<Bool> {
  const n = values.length
  const { bitmap: data } = validity(n, i => values[i] !== true)
  const { bitmap, nulls } = validity(n, i => values[i] === null || values[i] === undefined)
  return makeData({ type: new Bool(), length: n, nullCount: nulls, nullBitmap: bitmap, data })
}
