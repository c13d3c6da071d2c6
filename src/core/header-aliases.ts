import type { MappingTarget } from './schema'

/**
 * Header texts recognised for each mapping target, best first, as the exports
 * of Zendesk, Jira Service Management, Freshdesk, ServiceNow and Chinese
 * ticket/ERP systems write them. Matching is on the normalized header
 * (see normalizeHeader): case, spaces, brackets and punctuation are ignored,
 * and a Jira "Custom field (X)" wrapper counts as X.
 */
export const HEADER_ALIASES: Record<MappingTarget, string[]> = {
  ticket_id: [
    '工单编号', '工单号', '单据编号', '服务单号', '工单ID', '单号', '编号', '问题编号',
    'Ticket ID', 'Ticket Number', 'Issue key', 'Clave de incidencia', 'Chave do item', 'Number', 'Incident Number', 'Case Number', 'Request ID', 'Id', 'ID', 'Key',
  ],
  vendor: ['厂商', '供应商', '服务商', 'ERP厂商', '所属厂商', '系统厂商', 'Vendor', 'Supplier', 'Provider'],
  created_at: [
    '创建时间', '提交时间', '报障时间', '登记时间', '发起时间', '创建日期', '提单时间', '报修时间', '申请时间',
    'Created at', 'Created', 'Created time', 'Creada', 'Criado', 'Created_at', 'Opened', 'Opened at', 'Opened_at', 'sys_created_on', 'Date created', 'Submitted at',
  ],
  first_response_at: [
    '首次响应时间', '首次回复时间', '首响时间', '首次处理时间',
    'First response at', 'First responded at', 'First reply at', 'Initial response time', 'First response date', 'First response time', 'u_first_response_at',
  ],
  first_response_min: [
    '首次响应时长(分钟)', '首次回复时长(分钟)', '响应时长(分钟)', '首响时长(分钟)', '首次响应用时(分钟)',
    'First reply time in minutes', 'First response time (in minutes)', 'First response minutes', 'Time to first response (minutes)',
  ],
  first_response_hours: [
    '首次响应时长(小时)', '首次回复时长(小时)', '响应时长(小时)', '首响时长(小时)',
    'First response time (in hrs)', 'First response hours', 'Time to first response (hours)',
  ],
  resolved_at: [
    '解决时间', '完成时间', '办结时间', '结单时间', '结案时间', '处理完成时间', '关闭时间',
    'Resolved at', 'Resolved', 'Resolved time', 'Resuelta', 'Resolvido', 'Resolved_at', 'Solved at', 'Resolution date', 'Closed time', 'Closed at', 'Closed',
  ],
  resolution_min: [
    '解决时长(分钟)', '处理时长(分钟)', '解决用时(分钟)',
    'Full resolution time in minutes', 'Resolution time (in minutes)', 'Resolution minutes', 'First resolution time in minutes',
  ],
  resolution_hours: ['解决时长(小时)', '处理时长(小时)', '解决用时(小时)', 'Resolution time (in hrs)', 'Resolution hours'],
  recovered_at: ['故障恢复时间', '恢复时间', '业务恢复时间', 'Recovered at', 'Restored at', 'Service restored', 'u_restored_at'],
  priority: ['优先级', '工单优先级', '紧急程度', '紧急度', '级别', 'Priority', 'Ticket priority', 'Severity', 'Urgency', 'Prioridad', 'Prioridade'],
  channel: [
    '受理渠道', '来源渠道', '报障渠道', '反馈渠道', '工单来源', '受理方式', '渠道', '来源',
    'Channel', 'Ticket channel', 'Source', 'Via', 'Contact type', 'Contact_type', 'Request channel', 'Request channel type',
  ],
  // Finest classification first: the first alias present wins (contract: "the finest classification the file has").
  // A file with only a type column (Ticket type, Issue Type, 工单类型) takes it as its category too (headers.ts).
  category: [
    '子分类', '二级分类', '问题子类', 'Subcategory',
    '问题分类', '业务模块', '问题类型', '分类', 'Request Type', 'Customer Request Type', 'Category',
  ],
  fault_type: ['工单类型', '问题类型', 'Ticket type', 'Issue Type', 'Type', 'Tipo de Incidencia', 'Tipo de item', 'Category'],
  is_fault: ['是否故障', 'Is fault', 'Fault'],
  reopen_count: ['重开次数', '重新打开次数', '是否重开', '是否重新打开', '重开', 'Reopens', 'Reopen count', 'Reopen_count', 'Reopened', 'Times reopened'],
  satisfaction: [
    '满意度', '满意度评分', '客户满意度', '回访满意度', '满意度评价', '服务评价', '客户评价', '评价',
    'Satisfaction', 'Satisfaction Score', 'Satisfaction rating', 'CSAT', 'Survey results', 'Survey result', 'Rating',
  ],
  customer: [
    '提交人', '申请人', '报障人', '报修人', '申请部门', '客户', '客户名称', '服务对象', '联系人',
    'Requester', 'Requester name', 'Reporter', 'Informador', 'Relator', 'Caller', 'Caller_id', 'Customer', 'Contact', 'Requested by', 'Full name',
  ],
}

/** Training-record files (for training_coverage): one row per person trained. */
export const TRAINING_ALIASES = {
  person: ['参训人', '参训人员', '学员', '培训对象', '姓名', 'Trainee', 'Attendee', 'Participant', 'Person'],
  vendor: HEADER_ALIASES.vendor,
  date: ['培训日期', '培训时间', '日期', 'Training date', 'Date'],
} as const
