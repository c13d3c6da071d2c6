/** A minimal but valid SpreadsheetML (XLSX) writer: shared strings, a date style, merged cells, frozen header, fflate zip. */
import { strToU8, zipSync, type Zippable } from 'fflate'

export type CellStyle = 'date' | 'title' | 'header' | 'note'
export type Cell = null | string | number | { v: string | number, s: CellStyle }

export interface SheetSpec {
  name: string
  rows: Cell[][]
  merges?: string[]
  /** Column widths in characters. */
  widths?: number[]
  /** Rows above the scrolling area (title + subtitle + header). */
  freezeRows?: number
}

export interface WorkbookSpec {
  sheets: SheetSpec[]
  creator: string
  /** Local wall-clock time written as the zip entries' modification time and the document's creation time. */
  created: { y: number, m: number, d: number, h: number, mi: number }
}

const STYLE_INDEX: Record<CellStyle, number> = { date: 1, title: 2, header: 3, note: 4 }
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml'

/** XML 1.0 cannot carry C0 control characters other than tab, line feed and carriage return. */
const xmlSafe = (ch: string): boolean => {
  const c = ch.charCodeAt(0)
  return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}

export function escapeXml(text: string): string {
  return [...text].filter(xmlSafe).join('')
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}

export function columnName(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const r = (n - 1) % 26
    name = String.fromCharCode(65 + r) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

class SharedStrings {
  private readonly index = new Map<string, number>()
  readonly list: string[] = []
  count = 0

  add(text: string): number {
    this.count++
    let i = this.index.get(text)
    if (i === undefined) {
      i = this.list.length
      this.index.set(text, i)
      this.list.push(text)
    }
    return i
  }

  xml(): string {
    const items = this.list.map((s) => {
      const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''
      return `<si><t${space}>${escapeXml(s)}</t></si>`
    })
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`
  }
}

function sheetXml(sheet: SheetSpec, sst: SharedStrings, selected: boolean): string {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length))
  const rows: string[] = []
  sheet.rows.forEach((cells, r) => {
    const out: string[] = []
    cells.forEach((cell, c) => {
      if (cell === null || cell === '') return
      const ref = `${columnName(c)}${r + 1}`
      const v = typeof cell === 'object' ? cell.v : cell
      const s = typeof cell === 'object' ? ` s="${STYLE_INDEX[cell.s]}"` : ''
      out.push(typeof v === 'number'
        ? `<c r="${ref}"${s}><v>${v}</v></c>`
        : `<c r="${ref}"${s} t="s"><v>${sst.add(v)}</v></c>`)
    })
    if (out.length > 0) rows.push(`<row r="${r + 1}">${out.join('')}</row>`)
  })
  const freeze = sheet.freezeRows
    ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`
      + `<selection pane="bottomLeft" activeCell="A${sheet.freezeRows + 1}" sqref="A${sheet.freezeRows + 1}"/>`
    : ''
  const cols = sheet.widths
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : ''
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : ''
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`
    + `<dimension ref="A1:${columnName(width - 1)}${Math.max(1, sheet.rows.length)}"/>`
    + `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${freeze}</sheetView></sheetViews>`
    + `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join('')}</sheetData>${merges}`
    + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
}

const FONT = '<sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/>'
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">`
  + '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
  + `<fonts count="4"><font>${FONT}</font><font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font>`
  + `<font><b/>${FONT}</font><font><sz val="10"/><color rgb="FF808080"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>`
  + '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
  + '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>'
  + '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
  + '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'
  + '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>'
  + '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>'
  + '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
  + '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'

export function writeXlsx(spec: WorkbookSpec): Uint8Array {
  const sst = new SharedStrings()
  const sheets = spec.sheets.map((s, i) => sheetXml(s, sst, i === 0))
  const n = spec.sheets.length
  const rel = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`
  const { y, m, d, h, mi } = spec.created
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00Z`
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`
      + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join('')
      + `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`
      + `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
      + rel('rId1', `${NS_REL}/officeDocument`, 'xl/workbook.xml')
      + rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml')
      + rel('rId3', `${NS_REL}/extended-properties`, 'docProps/app.xml') + '</Relationships>',
    'docProps/core.xml': `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" `
      + 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
      + 'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
      + `<dc:creator>${escapeXml(spec.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>`
      + `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
    'docProps/app.xml': `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`
      + '<Application>servicewall demo generator</Application></Properties>',
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>`
      + '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>'
      + spec.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
      + sheets.map((_, i) => rel(`rId${i + 1}`, `${NS_REL}/worksheet`, `worksheets/sheet${i + 1}.xml`)).join('')
      + rel(`rId${n + 1}`, `${NS_REL}/styles`, 'styles.xml')
      + rel(`rId${n + 2}`, `${NS_REL}/sharedStrings`, 'sharedStrings.xml') + '</Relationships>',
    ...Object.fromEntries(sheets.map((xml, i) => [`xl/worksheets/sheet${i + 1}.xml`, xml])),
    'xl/styles.xml': STYLES,
    'xl/sharedStrings.xml': sst.xml(),
  }
  // fflate stores the local-time fields of this Date, so a Date built from local fields is time-zone independent.
  const mtime = new Date(y, m - 1, d, h, mi, 0)
  const zippable: Zippable = {}
  for (const [name, xml] of Object.entries(files)) zippable[name] = [strToU8(xml), { mtime }]
  return zipSync(zippable, { level: 6 })
}
