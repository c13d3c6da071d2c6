// A minimal pull reader for SpreadsheetML parts, and XML text decoding.

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const BANG = 0x21
const QUESTION = 0x3f
const DOUBLE_QUOTE = 0x22
const SINGLE_QUOTE = 0x27
const EQUALS = 0x3d

/**
 * A pull reader over the tags of an XML string, just enough for SpreadsheetML:
 * no DTDs, no namespace resolution (prefixes are dropped from tag and attribute names).
 */
export class XmlReader {
  /** Tag name without its namespace prefix. */
  name = ''
  /** `</name>` */
  isEnd = false
  /** `<name/>` */
  isEmpty = false
  private pos = 0
  private attrsFrom = 0
  private attrsTo = 0

  constructor(private readonly xml: string) {}

  /** Moves to the next tag, skipping text, comments, CDATA and processing instructions. */
  next(): boolean {
    const xml = this.xml
    for (;;) {
      const lt = xml.indexOf('<', this.pos)
      if (lt < 0) return false
      const first = xml.charCodeAt(lt + 1)
      if (first === BANG || first === QUESTION) {
        this.pos = skipMarkup(xml, lt)
        continue
      }
      this.isEnd = first === SLASH
      let p = this.isEnd ? lt + 2 : lt + 1
      const nameFrom = p
      while (p < xml.length && !isNameEnd(xml.charCodeAt(p))) p++
      this.name = localName(xml.slice(nameFrom, p))
      this.attrsFrom = p
      p = tagEnd(xml, p)
      this.isEmpty = xml.charCodeAt(p - 1) === SLASH
      this.attrsTo = this.isEmpty ? p - 1 : p
      this.pos = p + 1
      return true
    }
  }

  /** The value of an attribute of the current tag, matched with or without its prefix. */
  attr(name: string): string | undefined {
    const xml = this.xml
    const end = this.attrsTo
    let p = this.attrsFrom
    while (p < end) {
      while (p < end && isSpace(xml.charCodeAt(p))) p++
      const nameFrom = p
      while (p < end && xml.charCodeAt(p) !== EQUALS && !isSpace(xml.charCodeAt(p))) p++
      const attrName = xml.slice(nameFrom, p)
      while (p < end && xml.charCodeAt(p) !== DOUBLE_QUOTE && xml.charCodeAt(p) !== SINGLE_QUOTE) p++
      const valueTo = xml.indexOf(xml.charAt(p), p + 1)
      if (p >= end || valueTo < 0 || valueTo > end) return undefined
      if (attrName === name || (!attrName.startsWith('xmlns') && localName(attrName) === name)) {
        return decodeXmlText(xml.slice(p + 1, valueTo))
      }
      p = valueTo + 1
    }
    return undefined
  }

  /** Text content from the current position up to the next tag, CDATA included. */
  readText(): string {
    const xml = this.xml
    let text = ''
    for (;;) {
      const lt = xml.indexOf('<', this.pos)
      const to = lt < 0 ? xml.length : lt
      text += decodeXmlText(xml.slice(this.pos, to))
      this.pos = to
      if (xml.startsWith('<![CDATA[', to)) {
        const close = xml.indexOf(']]>', to)
        text += xml.slice(to + 9, close < 0 ? xml.length : close)
        this.pos = close < 0 ? xml.length : close + 3
      } else if (xml.startsWith('<!--', to)) {
        this.pos = skipMarkup(xml, to)
      } else {
        return text
      }
    }
  }
}

/** Position of the '>' closing a tag; '>' may appear unescaped inside attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0
  let p = from
  for (; p < xml.length; p++) {
    const c = xml.charCodeAt(p)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      quote = c
    } else if (c === GT) {
      break
    }
  }
  return p
}

/** Skips `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE >` or `<? ?>` starting at `lt`. */
function skipMarkup(xml: string, lt: number): number {
  const close = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : '>'
  const at = xml.indexOf(close, lt + 2)
  return at < 0 ? xml.length : at + close.length
}

function isNameEnd(c: number): boolean {
  return c === GT || c === SLASH || c === LT || isSpace(c)
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decodes the five predefined entities and character references, and normalises line ends as XML requires. */
export function decodeXmlText(text: string): string {
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  if (!out.includes('&')) return out
  out = out.replace(ENTITY, (entity, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named !== undefined) return NAMED_ENTITIES[named] ?? entity
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec)
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity
  })
  return out
}

/** SpreadsheetML writes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for CR). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
