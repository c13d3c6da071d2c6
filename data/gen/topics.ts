/** What the tickets are about: the administrative-office module, with subjects in Chinese and (for SAP) English. */

export const TOPICS = [
  'approval', 'form', 'permission', 'asset', 'mail', 'report', 'login', 'print', 'mobile', 'data', 'integration', 'outage',
] as const
export type Topic = (typeof TOPICS)[number]

export const SUBJECTS_ZH: Record<Topic, readonly string[]> = {
  approval: [
    '报销审批卡在部门经理节点', '请假审批流程提交后无人审批', '采购申请审批人设置错误', '加签后原审批人仍收到待办',
    '用印申请审批流需要增加法务会签', '出差审批驳回后无法重新提交', '审批流条件分支金额判断不对', '离职交接审批超时未自动转交',
  ],
  form: [
    '报销单金额字段无法输入小数', '物品领用单下拉选项需要新增', '表单必填项校验提示不清楚', '会议室预定表单时间冲突未校验',
    '办公用品申领单明细行复制后数据丢失', '表单新增附件字段后无法保存', '合同用印申请单字段顺序调整',
  ],
  permission: [
    '新员工账号需要开通行政模块权限', '调岗后仍能看到原部门单据', '财务部需要只读查看全部报销单', '离职人员权限未回收',
    '部门管理员无法分配角色', '外部审计账号临时授权', '数据权限按部门隔离设置',
  ],
  asset: [
    '固定资产卡片折旧方法修改', '年终资产盘点差异无法处理', '办公设备领用后台账未更新', '资产调拨单审批后位置未变',
    '资产标签打印二维码错位', '报废资产仍在台账中显示', '新购笔记本批量入账',
  ],
  mail: [
    '审批待办邮件通知收不到', '邮件通知模板里的链接打不开', '系统邮件被识别为垃圾邮件', '抄送人收到重复的通知邮件',
    '到期提醒邮件发送时间不对', '外部邮箱无法接收系统通知',
  ],
  report: [
    '行政费用月报数据与明细不一致', '自定义报表无法按部门汇总', '报表导出Excel格式错乱', '月末结账报表生成很慢',
    '用车统计报表缺少字段',
  ],
  login: [
    '账号被锁定无法登录', '单点登录跳转后提示无权限', '修改密码后手机端无法登录', '登录验证码收不到', '多人同时登录被挤下线',
  ],
  print: [
    '报销单套打模板位置偏移', '打印预览中文乱码', '用印申请单打印缺少审批意见', '批量打印只打出第一页',
  ],
  mobile: [
    '手机端审批按钮点击无反应', '企业微信里打不开待办', '移动端附件预览失败', '钉钉消息推送延迟',
  ],
  data: [
    '批量导入员工信息报错', '历史单据迁移数据缺失', '导入资产清单日期格式不识别', '导出全年报销明细超时',
  ],
  integration: [
    '与财务总账接口同步失败', 'HR系统组织架构同步不及时', '单据推送到OA接口返回错误', '电子签章接口调用失败',
  ],
  outage: [
    '系统无法访问，页面一直转圈', '登录后白屏，全公司无法使用', '审批服务报错500', '系统响应极慢，提交单据超时',
    '服务器宕机，所有单据无法保存', '附件服务不可用，上传失败',
  ],
}

export const SUBJECTS_EN: Record<Topic, readonly string[]> = {
  approval: [
    'Approval procedure stuck at department manager stage', 'Approval template not triggered for purchase requests',
    'Originator cannot resubmit rejected document', 'Need additional approval stage for legal review',
  ],
  form: [
    'User-defined field not shown on expense form', 'Valid values for UDF need update', 'Form settings lost after upgrade',
    'Mandatory field check on requisition form',
  ],
  permission: [
    'New hire needs authorization for admin module', 'Authorization not revoked for leaver', 'Data ownership by department',
    'General authorization for finance read-only',
  ],
  asset: [
    'Fixed asset depreciation run error', 'Asset transfer not reflected in asset master', 'Year-end asset inventory differences',
    'Asset retirement posting failed',
  ],
  mail: ['Alerts not sent by email', 'Approval notification email missing', 'Email template link broken', 'Duplicate alert emails'],
  report: ['Expense report totals mismatch', 'Query report times out at month end', 'Report export to Excel broken'],
  login: ['User locked out', 'License not assigned to user', 'SSO login fails', 'Password reset not working'],
  print: ['Print layout misaligned', 'Chinese characters garbled in PLD', 'Batch print only prints first page'],
  mobile: ['Mobile app approval button not responding', 'Mobile app cannot open attachments'],
  data: ['DTW import of employees fails', 'Migration of historical documents incomplete', 'DTW date format not recognized'],
  integration: ['Service Layer integration to OA fails', 'HR org sync delayed', 'E-signature interface error'],
  outage: [
    'SAP B1 server down, nobody can log in', 'Service Layer returns 500', 'System extremely slow, documents time out',
    'Database server unreachable', 'Attachment folder not accessible',
  ],
}

/** Seasonal pull of a topic: month-end closing, year-end inventory, hiring waves. */
export function topicSeason(topic: Topic, month: number, day: number): number {
  const monthEnd = day >= 26 || day <= 2
  switch (topic) {
    case 'approval': return monthEnd ? 1.6 : 1
    case 'report': return monthEnd ? 2 : 0.8
    case 'asset': return month === 12 || month === 6 ? 2.2 : month === 1 ? 1.5 : 0.9
    case 'permission': return month === 3 || month === 7 ? 1.8 : 1
    case 'data': return month === 12 || month === 1 ? 1.6 : 1
    default: return 1
  }
}
