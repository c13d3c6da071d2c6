import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ImportSummary from '../../src/components/import/ImportSummary.vue'
import MappingDialog from '../../src/components/import/MappingDialog.vue'
import VendorDialog from '../../src/components/import/VendorDialog.vue'
import { rejectedCsv } from '../../src/components/import/rejected-csv'
import { csvField } from '../../src/core/output/cell-safe'
import { mappingKey, recallMapping, rememberMapping } from '../../src/composables/mapping-memory'
import { XSS } from './helpers/report'

describe('rejected rows as CSV', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(12)).toBe('12')
  })

  it('defuses spreadsheet formulas in text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField('-1')).toBe('-1')
    expect(csvField('-1 day')).toBe('\'-1 day')
  })

  it('neutralises hostile file names and reasons in the downloaded CSV, keeps numbers', () => {
    const csv = rejectedCsv([{ file: '=cmd|\' /C calc\'!A0.csv', row: 3, reason: '@SUM(A1)' }, { file: '-12.5', row: 4, reason: '\tx' }])
    expect(csv.split('\r\n')).toEqual(['\uFEFFfile,row,reason', '\'=cmd|\' /C calc\'!A0.csv,3,\'@SUM(A1)', '-12.5,4,\'\tx', ''])
  })

  it('writes a header, one line per row, CRLF, with a BOM for Excel', () => {
    const csv = rejectedCsv([{ file: '金蝶, 导出.csv', row: 7, reason: 'created_at: "13/45" is not a date' }])
    expect(csv).toBe('\uFEFFfile,row,reason\r\n"金蝶, 导出.csv",7,"created_at: ""13/45"" is not a date"\r\n')
  })
})

describe('mapping memory', () => {
  it('remembers a mapping by the exact header list', () => {
    const headers = ['单号', '开单时间', '备注']
    rememberMapping(headers, { ticket_id: '单号', created_at: '开单时间' })
    expect(recallMapping(headers)).toEqual({ ticket_id: '单号', created_at: '开单时间' })
    expect(recallMapping(['单号', '开单时间'])).toBeNull()
    expect(mappingKey(headers)).not.toBe(mappingKey([...headers].reverse()))
  })

  it('drops headers the file does not have and survives junk', () => {
    localStorage.setItem(mappingKey(['a']), JSON.stringify({ ticket_id: 'a', created_at: 'zzz', bogus: 'a' }))
    expect(recallMapping(['a'])).toEqual({ ticket_id: 'a' })
    localStorage.setItem(mappingKey(['b']), '{not json')
    expect(recallMapping(['b'])).toBeNull()
  })
})

describe('import dialogs', () => {
  it('asks the vendor, prefilled from the file name', async () => {
    const w = mount(VendorDialog, { props: { file: `${XSS}_工单.csv`, defaultVendor: '金蝶云星辰', known: [] }, attachTo: document.body })
    expect((w.get('[data-testid="vendor-input"]').element as HTMLInputElement).value).toBe('金蝶云星辰')
    expect(document.querySelector('img')).toBeNull()
    await w.get('[data-testid="vendor-input"]').setValue('  用友U9 ')
    await w.get('[data-testid="vendor-ok"]').trigger('click')
    expect(w.emitted('submit')).toEqual([['用友U9']])
    w.unmount()
  })

  it('maps each canonical field to a header, with a five-row preview', async () => {
    const preview = Array.from({ length: 7 }, (_, i) => [`T${i}`, `2026-11-0${i + 1} 10:00`, XSS])
    const w = mount(MappingDialog, { props: { file: 'x.csv', headers: ['No', 'When', 'Who'], preview, mapping: {} }, attachTo: document.body })
    expect(w.findAll('[data-testid="mapping-preview"] tbody tr')).toHaveLength(5)
    expect(document.querySelector('img')).toBeNull()
    expect(w.get('[data-testid="mapping-ok"]').attributes('disabled')).toBeDefined()
    await w.get('select[data-target="ticket_id"]').setValue('No')
    await w.get('select[data-target="created_at"]').setValue('When')
    await w.get('[data-testid="mapping-ok"]').trigger('click')
    expect(w.emitted('submit')).toEqual([[{ ticket_id: 'No', created_at: 'When' }]])
    w.unmount()
  })

  it('summarises each file and lists rejected rows as text', () => {
    const report = {
      files: [{ file: `${XSS}.csv`, format: 'csv', encoding: 'utf-8', rows: 10, loaded: 7, rejected: 2, duplicates: 1, error: null, vendor: XSS }],
      rejected: [{ file: `${XSS}.csv`, row: 3, reason: 'missing ticket_id' }, { file: `${XSS}.csv`, row: 9, reason: 'resolved_at before created_at' }],
    }
    const w = mount(ImportSummary, { props: { report, error: null }, attachTo: document.body })
    const row = w.get('[data-testid="import-file"]')
    expect(row.get('[data-field="loaded"]').text()).toBe('7')
    expect(row.get('[data-field="rejected"]').text()).toBe('2')
    expect(row.get('[data-field="duplicates"]').text()).toBe('1')
    expect(w.findAll('[data-testid="rejected-rows"] tbody tr')).toHaveLength(2)
    expect(document.querySelector('img')).toBeNull()
    w.unmount()
  })
})
