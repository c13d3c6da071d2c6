import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { BINARY_MESSAGE, UNKNOWN_ENCODING_MESSAGE, decodeText } from '../../../src/import/decode'
import { ImportError } from '../../../src/import/types'

const CHINESE_CSV = '工单号,创建时间,优先级,客户,问题描述\r\nT-001,2024-01-15 09:30:00,P1,华东分公司,系统无法登录（已重启服务器），请尽快处理。\r\n'

function encode(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding))
}

function refusal(bytes: Uint8Array): string {
  try {
    decodeText(bytes)
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError)
    return (error as Error).message
  }
  throw new Error('expected the bytes to be refused')
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(encode(CHINESE_CSV, 'utf8'))).toEqual({ encoding: 'utf-8', text: CHINESE_CSV })
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(CHINESE_CSV, 'utf8')])
    expect(decodeText(withBom)).toEqual({ encoding: 'utf-8-bom', text: CHINESE_CSV })
  })

  it('reads UTF-16 LE and BE by their byte order marks', () => {
    const le = new Uint8Array([0xff, 0xfe, ...encode(CHINESE_CSV, 'utf16le')])
    const be = new Uint8Array([0xfe, 0xff, ...encode(CHINESE_CSV, 'utf16-be')])
    expect(decodeText(le)).toEqual({ encoding: 'utf-16le', text: CHINESE_CSV })
    expect(decodeText(be)).toEqual({ encoding: 'utf-16be', text: CHINESE_CSV })
  })

  it('reads GBK and GB18030 written by Chinese Excel', () => {
    expect(decodeText(encode(CHINESE_CSV, 'gbk'))).toEqual({ encoding: 'gb18030', text: CHINESE_CSV })
    // A few characters outside GB2312 (names like 喆 and 堃, an emoji in four bytes) are fine.
    const names = CHINESE_CSV + 'T-002,2024-01-16 10:00:00,P2,张喆与王堃,客户很满意 😀\r\n'
    expect(decodeText(encode(names, 'gb18030'))).toEqual({ encoding: 'gb18030', text: names })
  })

  it.each([
    ['Latin-1 with accents before letters', 'latin1', 'name,city\r\nMüller,Zürich\r\nRenée,Orléans\r\n'],
    ['Windows-1252 smart quotes', 'win1252', 'note\r\n“quoted” — text\r\n'],
    ['Shift_JIS', 'shift_jis', '名前,年齢\r\n山田,30\r\nコントロールカラム\r\n'],
    ['EUC-JP', 'euc-jp', 'コントロール,カラム\r\nひらがなとカタカナ\r\n'],
    ['EUC-KR', 'euc-kr', '이름,도시\r\n김철수,서울특별시\r\n고객 서비스 요청이 처리되었습니다\r\n'],
    ['Big5', 'big5', '工單號,客戶,問題描述\r\n臺灣分公司,系統無法登錄，請儘快處理。\r\n'],
  ])('refuses %s instead of returning mojibake', (_label, encoding, text) => {
    expect(refusal(encode(text, encoding))).toBe(UNKNOWN_ENCODING_MESSAGE)
  })

  it('refuses binary data (NUL bytes) outside UTF-16', () => {
    expect(refusal(new Uint8Array([0x61, 0x2c, 0x00, 0x62]))).toBe(BINARY_MESSAGE)
    expect(refusal(encode('a,b\r\n', 'utf16le'))).toBe(BINARY_MESSAGE) // UTF-16 without its mark
  })

  it('refuses malformed UTF-16', () => {
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toThrow(ImportError)
  })
})
