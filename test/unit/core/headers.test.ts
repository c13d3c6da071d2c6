import { describe, expect, it } from 'vitest'
import { durationTarget, findHeaderIndex, normalizeHeader, recognizeHeaders, recognizeTrainingHeaders } from '../../../src/core/headers'

describe('normalizeHeader', () => {
  it.each([
    ['Created at', 'createdat'],
    ['\uFEFFTicket ID', 'ticketid'],
    ['首次响应时长(分钟)', '首次响应时长分钟'],
    ['首次响应时长（分钟）', '首次响应时长分钟'],
    ['【工单编号】', '工单编号'],
    ['[Priority]', 'priority'],
    ['opened_at', 'openedat'],
    ['Created-At:', 'createdat'],
    ['创建时间：', '创建时间'],
    ['Req. Type / Sub', 'reqtypesub'],
    ['Custom field (Request Type)', 'requesttype'],
    ['Custom field (Satisfaction rating)', 'satisfactionrating'],
    ['  First reply time in minutes ', 'firstreplytimeinminutes'],
    ['*工单编号', '工单编号'],
  ])('%j -> %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected)
  })
})

describe('recognizeHeaders', () => {
  it('recognises a Zendesk export', () => {
    const headers = [
      'Id', 'Requester', 'Requester email', 'Subject', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at',
      'Solved at', 'Assignee', 'Group', 'Satisfaction Score', 'Reopens', 'First reply time in minutes',
      'First reply time in minutes within business hours', 'Full resolution time in minutes',
      'Full resolution time in minutes within business hours', 'Agent wait time in minutes',
    ]
    const { mapping, unknown } = recognizeHeaders(headers)
    expect(mapping).toEqual({
      ticket_id: 'Id', created_at: 'Created at', resolved_at: 'Solved at', priority: 'Priority', channel: 'Via',
      category: 'Ticket type', fault_type: 'Ticket type', reopen_count: 'Reopens', satisfaction: 'Satisfaction Score',
      customer: 'Requester', first_response_min: 'First reply time in minutes', resolution_min: 'Full resolution time in minutes',
    })
    expect(unknown).toContain('First reply time in minutes within business hours')
    expect(unknown).toContain('Agent wait time in minutes')
  })

  it('recognises a Jira Service Management export', () => {
    const headers = [
      'Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Priority', 'Resolution', 'Assignee', 'Reporter', 'Created',
      'Updated', 'Resolved', 'Custom field (Request Type)', 'Custom field (Satisfaction rating)', 'Custom field (Time to first response)',
    ]
    const { mapping } = recognizeHeaders(headers)
    expect(mapping).toEqual({
      ticket_id: 'Issue key', created_at: 'Created', resolved_at: 'Resolved', priority: 'Priority',
      category: 'Custom field (Request Type)', fault_type: 'Issue Type', satisfaction: 'Custom field (Satisfaction rating)',
      customer: 'Reporter',
    })
  })

  it('recognises a Freshdesk export', () => {
    const headers = [
      'Ticket ID', 'Subject', 'Status', 'Priority', 'Source', 'Type', 'Agent', 'Group', 'Created time', 'Due by Time', 'Resolved time',
      'Closed time', 'Last update time', 'Initial response time', 'Time tracked', 'First response time (in hrs)',
      'Resolution time (in hrs)', 'Agent interactions', 'Customer interactions', 'Resolution status', 'First response status',
      'Survey results', 'Full name', 'Contact ID',
    ]
    const { mapping } = recognizeHeaders(headers)
    expect(mapping).toEqual({
      ticket_id: 'Ticket ID', created_at: 'Created time', resolved_at: 'Resolved time', first_response_at: 'Initial response time',
      priority: 'Priority', channel: 'Source', category: 'Type', fault_type: 'Type', satisfaction: 'Survey results',
      customer: 'Full name', first_response_hours: 'First response time (in hrs)', resolution_hours: 'Resolution time (in hrs)',
    })
  })

  it('recognises ServiceNow field names and display labels', () => {
    const fields = ['number', 'short_description', 'opened_at', 'priority', 'contact_type', 'category', 'subcategory', 'caller_id', 'state', 'resolved_at', 'reopen_count']
    expect(recognizeHeaders(fields).mapping).toEqual({
      ticket_id: 'number', created_at: 'opened_at', resolved_at: 'resolved_at', priority: 'priority', channel: 'contact_type',
      category: 'subcategory', fault_type: 'category', reopen_count: 'reopen_count', customer: 'caller_id',
    })
    const labels = ['Number', 'Short description', 'Opened', 'Priority', 'Contact type', 'Category', 'Subcategory', 'Caller', 'State', 'Resolved', 'Reopen count']
    expect(recognizeHeaders(labels).mapping).toEqual({
      ticket_id: 'Number', created_at: 'Opened', resolved_at: 'Resolved', priority: 'Priority', channel: 'Contact type',
      category: 'Subcategory', fault_type: 'Category', reopen_count: 'Reopen count', customer: 'Caller',
    })
  })

  it.each([
    [['工单编号', '创建时间', '首次响应时间', '解决时间', '优先级', '受理渠道', '问题分类', '工单类型', '满意度', '提交人', '是否重开']],
    [['工单号', '提交时间', '首次回复时间', '完成时间', '紧急程度', '渠道', '问题分类', '工单类型', '客户满意度', '申请人', '重开次数']],
    [['单据编号', '创建时间', '首次响应时间', '解决时间', '优先级', '来源', '问题分类', '问题类型', '满意度', '申请部门', '重开次数']],
  ])('recognises Chinese headers %j', (headers) => {
    const { mapping, score, unknown } = recognizeHeaders(headers)
    expect(mapping.ticket_id).toBe(headers[0])
    expect(mapping.created_at).toBe(headers[1])
    expect(mapping.first_response_at).toBe(headers[2])
    expect(mapping.resolved_at).toBe(headers[3])
    expect(mapping.priority).toBe(headers[4])
    expect(mapping.channel).toBe(headers[5])
    expect(mapping.category).toBe('问题分类')
    expect(mapping.fault_type).toBe(headers[7])
    expect(mapping.satisfaction).toBe(headers[8])
    expect(mapping.customer).toBe(headers[9])
    expect(mapping.reopen_count).toBe(headers[10])
    expect(score).toBe(11)
    expect(unknown).toEqual([])
  })

  it('maps Chinese duration columns by unit', () => {
    const { mapping } = recognizeHeaders(['工单编号', '创建时间', '首次响应时长(分钟)', '解决时长（小时）'])
    expect(mapping.first_response_min).toBe('首次响应时长(分钟)')
    expect(mapping.resolution_hours).toBe('解决时长（小时）')
  })

  it('maps other duration headers by the generic rule', () => {
    expect(durationTarget('响应时间(分钟)')).toBe('first_response_min')
    expect(durationTarget('回复耗时（小时）')).toBe('first_response_hours')
    expect(durationTarget('Time to resolve (hours)')).toBe('resolution_hours')
    expect(durationTarget('Resolution time, mins')).toBe('resolution_min')
    expect(durationTarget('处理耗时 分钟')).toBe('resolution_min')
    expect(durationTarget('Response time within business hours (minutes)')).toBeNull()
    expect(durationTarget('响应超时时长(分钟)')).toBeNull()
    expect(durationTarget('Agent wait time in minutes')).toBeNull()
    expect(durationTarget('Minimum response hours')).toBeNull()
    expect(recognizeHeaders(['Case', 'Response time (minutes)']).mapping.first_response_min).toBe('Response time (minutes)')
  })

  it('maps one header to one target, except a type column serving category and fault_type', () => {
    const { mapping } = recognizeHeaders(['Id', 'Type', 'Created'])
    expect(mapping.category).toBe('Type')
    expect(mapping.fault_type).toBe('Type')
    const { mapping: m2 } = recognizeHeaders(['Id', 'Closed', 'Created'])
    expect(m2.resolved_at).toBe('Closed')
    expect(Object.values(m2).filter((h) => h === 'Closed')).toHaveLength(1)
  })

  it('prefers the best alias when several headers match', () => {
    const { mapping } = recognizeHeaders(['Closed time', 'Resolved time', 'Created', 'Created at', 'Id', 'Ticket ID'])
    expect(mapping.resolved_at).toBe('Resolved time')
    expect(mapping.created_at).toBe('Created at')
    expect(mapping.ticket_id).toBe('Ticket ID')
  })

  it('lets an explicit mapping override recognition', () => {
    const headers = ['Case No.', 'Id', 'Logged', 'Created', 'Closed']
    const { mapping, indexes } = recognizeHeaders(headers, { ticket_id: 'Case No.', created_at: 'logged' })
    expect(mapping.ticket_id).toBe('Case No.')
    expect(mapping.created_at).toBe('Logged')
    expect(indexes.created_at).toBe(2)
    expect(mapping.resolved_at).toBe('Closed')
  })

  it('leaves a target unmapped when the explicit mapping gives an empty header', () => {
    const { mapping } = recognizeHeaders(['Id', 'Created', 'Closed'], { resolved_at: '' })
    expect(mapping.resolved_at).toBeUndefined()
  })

  it('finds a mapped header exactly, trimmed, then normalized', () => {
    const headers = [' Ticket ID ', 'created_at', 'Created At']
    expect(findHeaderIndex(headers, ' Ticket ID ')).toBe(0)
    expect(findHeaderIndex(headers, 'Ticket ID')).toBe(0)
    expect(findHeaderIndex(headers, 'Created At')).toBe(2)
    expect(findHeaderIndex(headers, 'CREATED AT')).toBe(1)
    expect(findHeaderIndex(headers, 'nope')).toBe(-1)
  })
})

describe('recognizeTrainingHeaders', () => {
  it('finds person, vendor and date', () => {
    expect(recognizeTrainingHeaders(['序号', '参训人', '厂商', '培训日期'])).toEqual({ person: 1, vendor: 2, date: 3 })
    expect(recognizeTrainingHeaders(['Trainee', 'Training date'])).toEqual({ person: 0, vendor: -1, date: 1 })
  })
})
