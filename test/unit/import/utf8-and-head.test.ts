import { describe, expect, it } from 'vitest'
import { inspectFile, inspectionHead, INSPECT_HEAD_BYTES } from '../../../src/import/inspect'
import { isWellFormedUtf8 } from '../../../src/import/text-bytes'
import { random } from './engine-differential'

const fatal = new TextDecoder('utf-8', { fatal: true })
function decodes(bytes: Uint8Array): boolean {
  try {
    fatal.decode(bytes)
    return true
  }
  catch {
    return false
  }
}

describe('isWellFormedUtf8 (the browser\'s UTF-8 check before read_csv)', () => {
  it('accepts exactly what TextDecoder\'s fatal mode accepts: every lead byte with every second byte, cut after 1 to 4 bytes', () => {
    const wrong: string[] = []
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        for (const tail of [[0x80, 0x80], [0xbf, 0xbf], [0x41, 0x80], [0x80, 0x41]]) {
          const bytes = new Uint8Array([a, b, ...tail])
          for (let k = 1; k <= 4; k++) {
            const s = bytes.subarray(0, k)
            if (isWellFormedUtf8(s) !== decodes(s)) wrong.push([...s].map(x => x.toString(16)).join(' '))
          }
        }
      }
    }
    expect(wrong).toEqual([])
  })
  it('agrees with TextDecoder on random byte strings and on real text with errors put in', () => {
    const next = random(7)
    const wrong: string[] = []
    const text = new TextEncoder().encode('工单,2025-03-07 10:00:00,张三,"a,b",满意 😀 ok\n')
    for (let t = 0; t < 20_000; t++) {
      const bytes = t % 2 ? new Uint8Array(Array.from({ length: Math.floor(next() * 12) }, () => Math.floor(next() * 256))) : text.slice()
      if (t % 2 === 0) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256)
      if (isWellFormedUtf8(bytes) !== decodes(bytes)) wrong.push([...bytes].map(x => x.toString(16)).join(' '))
    }
    expect(wrong).toEqual([])
    expect(isWellFormedUtf8(text)).toBe(true)
    expect(isWellFormedUtf8(new Uint8Array(0))).toBe(true)
  })
})

describe('inspectionHead: a large text file is inspected from its first lines', () => {
  const line = (i: number) => `T-${i},2025-03-07 10:00:00,用友U9,P1,email,"note, with ""quotes""",4\n`
  const header = 'ticket_id,created_at,vendor,priority,channel,note,satisfaction\n'
  const big = new TextEncoder().encode(header + Array.from({ length: 70_000 }, (_, i) => line(i)).join(''))

  it('cuts at the last line end inside the head; small, binary and UTF-16 files are read whole', () => {
    expect(big.length).toBeGreaterThan(INSPECT_HEAD_BYTES)
    const head = inspectionHead(big.subarray(0, INSPECT_HEAD_BYTES), big.length, 'x.csv')!
    expect(head.length).toBeLessThanOrEqual(INSPECT_HEAD_BYTES)
    expect(head[head.length - 1]).toBe(0x0a)
    expect(inspectionHead(big.subarray(0, 1000), 1000, 'x.csv')).toBeNull()
    expect(inspectionHead(big.subarray(0, INSPECT_HEAD_BYTES), big.length, 'x.xlsx')).toBeNull()
    expect(inspectionHead(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x0a, 0]), INSPECT_HEAD_BYTES + 1, 'x.csv')).toBeNull()
  })

  it('gives the inspection of the whole file (headers, preview, mapping, vendor column)', async () => {
    const head = inspectionHead(big.subarray(0, INSPECT_HEAD_BYTES), big.length, '用友U9_tickets.csv')!
    const whole = await inspectFile(big, '用友U9_tickets.csv')
    expect(await inspectFile(head, '用友U9_tickets.csv', undefined, undefined, true)).toEqual(whole)
  })

  it('leaves out a last record cut inside a quoted cell', async () => {
    const text = `${header}T-1,2025-03-07 10:00:00,A,P1,email,"one\ntwo",4\nT-2,2025-03-07 10:00:00,A,P1,email,"three\n`
    const ins = await inspectFile(new TextEncoder().encode(text), 'a.csv', undefined, undefined, true)
    expect(ins.preview.map(r => r[0])).toEqual(['T-1'])
    // Cut elsewhere, the last record may be short of cells: it is left out too.
    const plain = `${header}T-1,2025-03-07 10:00:00,A,P1,email,x,4\nT-2,2025-03-07 10:0\n`
    expect((await inspectFile(new TextEncoder().encode(plain), 'a.csv', undefined, undefined, true)).preview.map(r => r[0])).toEqual(['T-1'])
  })
})
