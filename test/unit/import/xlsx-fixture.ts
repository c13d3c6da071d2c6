import { strToU8, zipSync } from 'fflate'

/** Builds small .xlsx files from hand-written SpreadsheetML, so tests show exactly what Excel would store. */
export interface FixtureSheet {
  name: string
  /** The whole worksheet part. Use `worksheet()` for the usual wrapper. */
  xml: string
}

export interface FixtureWorkbook {
  sheets: FixtureSheet[]
  /** `<si>` elements, already serialised. */
  sharedStrings?: string[]
  /** Custom number formats `[numFmtId, formatCode]` and the numFmtId of each cell style (index = `s`). */
  numFmts?: Array<[number, string]>
  cellStyles?: number[]
  date1904?: boolean
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'

export function worksheet(sheetData: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function buildXlsxParts(book: FixtureWorkbook): Record<string, string> {
  const sheetEntries = book.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
  const sheetRels = book.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  )
  const n = book.sheets.length
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetEntries.join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${sheetRels.join('')}` +
      `<Relationship Id="rId${n + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL_NS}/styles" Target="/xl/styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${(book.sharedStrings ?? []).join('')}</sst>`,
    'xl/styles.xml': stylesXml(book.numFmts ?? [], book.cellStyles ?? [0]),
  }
  book.sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml))
  return parts
}

export function buildXlsx(book: FixtureWorkbook): Uint8Array {
  return zipParts(buildXlsxParts(book))
}

export function zipParts(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])))
}

function stylesXml(numFmts: Array<[number, string]>, cellStyles: number[]): string {
  const fmts = numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`).join('')
  // cellStyleXfs comes first in real files and must not be mistaken for cellXfs.
  return (
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="${numFmts.length}">${fmts}</numFmts>` +
    `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
    `<cellXfs count="${cellStyles.length}">${cellStyles.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
    `</styleSheet>`
  )
}
