/** Each vendor's own vocabulary: categories (with the raw cells they write), channels and priorities. */
import type { Channel, Priority } from '../../src/core/schema.ts'
import type { Topic } from './topics.ts'

export interface CategoryDef {
  /** The category the importer should derive (the file's finest classification), null when the row leaves it empty. */
  category: string | null
  /** Raw cells this category writes, by header. */
  cells: Record<string, string>
  topic: Topic
  fault: boolean
  weight: number
}

export interface Choice<C> {
  raw: string
  canon: C
  weight: number
}

export interface Catalog {
  categories: CategoryDef[]
  channels: Choice<Channel>[]
  priorities: Choice<Priority>[]
  handlers: string[]
}

type Row = [string, Topic, number, boolean?]

const single = (header: string, rows: Row[]): CategoryDef[] =>
  rows.map(([name, topic, weight, fault]) => ({ category: name, cells: { [header]: name }, topic, fault: fault ?? false, weight }))

/** Two-level classification: the finest (second) level is the category; the first decides faults. */
const twoLevel = (typeHeader: string, subHeader: string, groups: [string, boolean, Row[]][]): CategoryDef[] =>
  groups.flatMap(([type, fault, rows]) => rows.map(([sub, topic, weight]) => ({
    category: sub, cells: { [typeHeader]: type, [subHeader]: sub }, topic, fault, weight,
  })))

const choices = <C>(rows: [string, C, number][]): Choice<C>[] => rows.map(([raw, canon, weight]) => ({ raw, canon, weight }))

export const JDY: Catalog = {
  categories: single('问题分类', [
    ['审批流程', 'approval', 22], ['表单配置', 'form', 16], ['权限管理', 'permission', 11], ['资产台账', 'asset', 9],
    ['邮件通知', 'mail', 8], ['报表统计', 'report', 7], ['账号登录', 'login', 6], ['打印模板', 'print', 4],
    ['移动端', 'mobile', 5], ['数据导入导出', 'data', 4], ['集成对接', 'integration', 3], ['系统故障/宕机', 'outage', 5, true],
  ]),
  channels: choices<Channel>([['电话', 'phone', 22], ['在线客服', 'im', 30], ['工单', 'ticket', 25], ['微信', 'wechat', 15], ['邮件', 'email', 6], ['上门', 'onsite', 2]]),
  priorities: choices<Priority>([['紧急', 'P1', 5], ['高', 'P2', 20], ['中', 'P3', 55], ['低', 'P4', 20]]),
  handlers: ['周明远', '陈思琪', '刘浩', '黄一鸣', '孙蕾', '何家乐'],
}

export const KINGDEE: Catalog = {
  categories: twoLevel('问题类型', '子分类', [
    ['操作咨询', false, [
      ['审批流-流程设置', 'approval', 14], ['表单-字段与布局', 'form', 10], ['资产-卡片维护', 'asset', 6],
      ['报表-自定义报表', 'report', 6], ['移动端-轻应用', 'mobile', 4], ['账号-登录与密码', 'login', 5],
    ]],
    ['配置变更', false, [
      ['权限-角色授权', 'permission', 10], ['审批流-条件分支', 'approval', 8], ['邮件-通知模板', 'mail', 5],
      ['打印-套打模板', 'print', 4], ['集成-接口配置', 'integration', 3],
    ]],
    ['数据处理', false, [['数据-批量导入', 'data', 4], ['资产-盘点差异', 'asset', 4]]],
    ['系统故障', true, [
      ['故障-服务宕机', 'outage', 2], ['故障-页面报错', 'outage', 3], ['故障-邮件发送失败', 'mail', 2], ['故障-登录异常', 'login', 2],
    ]],
  ]),
  channels: choices<Channel>([['电话', 'phone', 25], ['在线客服', 'im', 30], ['微信', 'wechat', 15], ['工单', 'ticket', 18], ['邮件', 'email', 8], ['上门', 'onsite', 4]]),
  priorities: choices<Priority>([['紧急', 'P1', 6], ['高', 'P2', 22], ['普通', 'P3', 57], ['低', 'P4', 15]]),
  handlers: ['金蝶服务-吴晓峰', '金蝶服务-林娜', '金蝶服务-赵启航', '金蝶服务-郑雪'],
}

/** Zendesk: the only classification is Ticket type, so it is the category (contract). */
export const YONYOU: Catalog = {
  categories: [
    ...(['approval', 'form', 'report', 'asset', 'print', 'mobile'] as const).map((topic, i) => ({ topic, weight: [12, 8, 5, 4, 3, 3][i] ?? 1, type: 'Question' })),
    ...(['outage', 'mail', 'login', 'integration', 'approval', 'form'] as const).map((topic, i) => ({ topic, weight: [5, 5, 4, 3, 3, 2][i] ?? 1, type: 'Incident' })),
    ...(['outage', 'integration'] as const).map((topic, i) => ({ topic, weight: [2, 1][i] ?? 1, type: 'Problem' })),
    ...(['permission', 'data', 'asset', 'form'] as const).map((topic, i) => ({ topic, weight: [10, 5, 3, 2][i] ?? 1, type: 'Task' })),
  ].map(({ topic, weight, type }) => ({
    category: type, cells: { 'Ticket type': type }, topic, weight, fault: type === 'Incident' || type === 'Problem',
  })),
  channels: choices<Channel>([['Web form', 'ticket', 45], ['Mail', 'email', 25], ['Phone call (incoming)', 'phone', 18], ['Chat', 'im', 12]]),
  priorities: choices<Priority>([['Urgent', 'P1', 5], ['High', 'P2', 18], ['Normal', 'P3', 45], ['Low', 'P4', 14], ['', 'P3', 18]]),
  handlers: ['Zhou Jie', 'Li Na (U9 OA)', 'Sun Hao', 'Qian Yu', 'Wang Lei (L2)'],
}

const JSM_SR = '[System] Service request'
const JSM_INC = '[System] Incident'

/** Jira Service Management: Request Type is the category; Issue Type decides faults. Problems carry no request type. */
export const FXIAOKE: Catalog = {
  categories: [
    ...([
      ['审批流程咨询', 'approval', 18, JSM_SR], ['表单与字段配置', 'form', 14, JSM_SR], ['权限开通与变更', 'permission', 12, JSM_SR],
      ['资产台账问题', 'asset', 8, JSM_SR], ['报表与导出', 'report', 7, JSM_SR], ['登录与账号', 'login', 6, JSM_SR],
      ['移动端问题', 'mobile', 5, JSM_SR], ['邮件通知异常', 'mail', 6, JSM_INC], ['系统故障报告', 'outage', 6, JSM_INC],
      ['集成接口异常', 'integration', 3, JSM_INC],
    ] as const).map(([name, topic, weight, type]) => ({
      category: name, cells: { 'Custom field (Request Type)': name, 'Issue Type': type }, topic, weight, fault: type === JSM_INC,
    })),
    { category: null, cells: { 'Custom field (Request Type)': '', 'Issue Type': '[System] Problem' }, topic: 'outage', weight: 1.5, fault: true },
  ],
  channels: choices<Channel>([['portal', 'ticket', 60], ['email', 'email', 28], ['jira', 'other', 12]]),
  priorities: choices<Priority>([['Highest', 'P1', 4], ['High', 'P2', 18], ['Medium', 'P3', 58], ['Low', 'P4', 15], ['Lowest', 'P4', 5]]),
  handlers: ['纷享客服-马超', '纷享客服-宋佳', '纷享实施-高远', '纷享客服-许晴'],
}

/** ServiceNow: subcategory is the finest classification; the category "Outage" marks faults. */
export const SAPB1: Catalog = {
  categories: twoLevel('category', 'subcategory', [
    ['Inquiry / Help', false, [
      ['Approval Procedures', 'approval', 16], ['User-Defined Fields', 'form', 12], ['Reports', 'report', 7],
      ['Print Layout Designer', 'print', 5], ['Mobile App', 'mobile', 3],
    ]],
    ['Access', false, [['Authorizations', 'permission', 11], ['Login / License', 'login', 6]]],
    ['Software', false, [
      ['Fixed Assets', 'asset', 9], ['Data Transfer Workbench', 'data', 5], ['Alerts Management', 'mail', 7], ['Integration', 'integration', 4],
    ]],
    ['Outage', true, [['Server Down', 'outage', 3], ['Service Layer Error', 'outage', 3], ['Performance', 'outage', 3]]],
  ]),
  channels: choices<Channel>([['phone', 'phone', 20], ['email', 'email', 35], ['self-service', 'ticket', 35], ['walk-in', 'onsite', 3], ['chat', 'im', 7]]),
  priorities: choices<Priority>([['1 - Critical', 'P1', 3], ['2 - High', 'P2', 15], ['3 - Moderate', 'P3', 55], ['4 - Low', 'P4', 22], ['5 - Planning', 'P4', 5]]),
  handlers: ['Michael Wong', 'Chen Xiaoyu', 'Partner L2 Team', 'Liu Yang'],
}
