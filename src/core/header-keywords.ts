/**
 * Keyword families: the second way a header is recognised, after the exact aliases of
 * header-aliases.ts. A family is a subject word plus a kind word (创建/提交/报修 + 时间/日期);
 * a header it matches is only a candidate, which the column's content must confirm
 * (plan-columns.ts). Matching is on normalizeHeader's form: lowercase, no spaces or brackets.
 */
import type { MappingTarget } from './schema'

const TIME = '(?:时间|时刻|日期|日时|date|time|at|on|datetime|timestamp)'

/**
 * Headers that look like a timestamp or duration of a ticket but hold another one: the last
 * update, a due date or SLA deadline, the time left or over an SLA goal, averages, business-hours
 * variants, waiting and on-hold time, Jira's SLA fields ("Time to first response" holds the
 * time left against the goal, e.g. "-1h 20m"), plans and expectations.
 */
export const TRAP = new RegExp([
  '更新', '修改', '变更', '最后', '最近', 'updat', 'modif', 'lastactivity', 'lastupdate', 'changed',
  'due', '截止', '到期', '期限', '时限', '预计', '计划', '期望', '要求', '承诺', '约定', 'deadline', 'target', '目标', 'expected', 'estimated', 'eta', 'planned',
  'sla', 'remaining', '剩余', 'breach', '超时', '逾期', '违约', 'violat', 'elapsed', 'goal', '^timeto(?:firstresponse|resolution|close|done|approve|respond|resolve)$',
  '平均', '均值', 'average', 'avg', 'mean', 'median', '中位', 'minimum', 'maximum', '最短', '最长', '合计', '累计',
  'business', '工作时间', '营业', '工作日', 'calendar', 'wait', '等待', 'onhold', '挂起', '暂停', 'pause', 'tracked', '工时', '登记工时', 'worklog',
  'status', '状态', 'count', '次数', 'interactions', 'effort', '工作量',
].join('|'))

/** Codes and identifiers of a label (工单类型id, category_code): not the label itself. */
const IDENTIFIER = /(?:id|编号|代码|编码|code|key|date|time|时间|日期|时刻)$/
/** The type of a person or an entity (发起人类型, requester type), not of the ticket. */
const PERSON_TYPE = /(?:人|者|用户|实体|对象|客户|联系人|requester|user|contact|customer)(?:类型|type)/
/** Free text about a field (评价方案, 分类说明, category description): not its value. */
const ABOUT = /方案|模板|说明|描述|内容|备注|comment|description|note|remark/

/** Subject words of each family; `kind` says what the rest of the header must be. */
interface Family {
  target: MappingTarget
  /** A regex on the normalized header. */
  re: RegExp
  /** Traps apply to timestamps and durations. */
  trapped: boolean
  /** A label family: identifiers and person types never match. */
  label: boolean
}

const fam = (target: MappingTarget, re: RegExp, trapped = false, label = false): Family => ({ target, re, trapped, label })
/** Words before an event that do not change it: 工单被解决时间, 实际完成时间. */
const EVENT_PREFIX = '(?:工单|服务单|问题|故障|事件)?(?:被)?(?:实际|最终)?'

const CREATED = '(?:创建|提交|报修|报障|报告|上报|发起|登记|提单|建单|开单|录入|申请|反馈|下单|接收|受理|来电)'
const RESPONDED = '(?:(?:首次|第一次|首)?(?:响应|回复|答复|应答)|(?:首次|第一次)(?:处理|接单|受理)|接单|接手)'
const RESOLVED = '(?:解决|完成|办结|结单|结案|完结|关闭|关单|闭环|处理完成|处理完毕|销单)'

export const KEYWORD_FAMILIES: readonly Family[] = [
  fam('ticket_id', /^(?:工单|服务单|单据|问题|事件|案例|报修单|维修单|售后单|请求|流程)?(?:编号|单号|号码|序列号|流水号|编码)$|^(?:ticket|case|incident|issue|request|service|work|order|req|inc|sr)(?:id|no|number|num|key|ref|reference)$/),
  fam('vendor', /厂商|供应商|服务商|厂家|服务提供方|vendor|supplier|provider|manufacturer/),
  fam('created_at', new RegExp(`^${EVENT_PREFIX}${CREATED}${TIME}$|^(?:date|time)?(?:created|opened|submitted|reported|raised|logged|received|requested)${TIME}?$|^(?:creation|submission|open|report|create|submit)${TIME}$`), true),
  fam('first_response_at', new RegExp(`^${EVENT_PREFIX}${RESPONDED}${TIME}$|^(?:agent|客服|人工|坐席)?first(?:response|reply|responded|replied|respond|contact|touch)${TIME}?$|^(?:responded|replied|acknowledged)${TIME}?$|dateoffirst(?:response|reply)$`), true),
  fam('first_response_min', new RegExp(`^${RESPONDED}(?:时长|用时|耗时|时效|时间|时间长度)$|^(?:first)?(?:response|reply|respond)(?:time|duration|period)(?:in)?(?:mins?|minutes?|hrs?|hours?|seconds?|secs?|days?|h|m|s)?$`), true),
  fam('resolved_at', new RegExp(`^${EVENT_PREFIX}${RESOLVED}${TIME}$|^(?:date|time)?(?:resolved|solved|closed|completed|finished|fixed|done)${TIME}?$|^(?:resolution|completion|closure|close)${TIME}$`), true),
  fam('resolution_min', new RegExp(`^(?:解决|处理|办结|修复|完成)(?:时长|用时|耗时|时效)$|^(?:full|total)?(?:resolution|resolve|solve|fix|handling)(?:time|duration|period)(?:in)?(?:mins?|minutes?|hrs?|hours?|seconds?|secs?|days?|h|m|s)?$`), true),
  fam('recovered_at', new RegExp(`^(?:故障|业务|服务|系统)?恢复${TIME}$|^(?:service)?(?:restored|recovered|restoration|recovery)${TIME}?$`), true),
  fam('satisfaction', /满意|评价|评分|打分|星级|回访结果|csat|satisf|rating|survey|score|nps/, false, true),
  fam('channel', /渠道|来源|途径|(?:受理|报障|反馈|接入|联络|服务)方式|channel|source|via|origin|medium|contacttype/),
  fam('priority', /优先|紧急|急缓|轻重|严重程度|严重等级|级别|等级|priority|severity|urgency/, false, true),
  fam('category', /分类|类别|模块|业务类|问题类|归类|category|subcategory|requesttype|topic|module|classification/, false, true),
  fam('fault_type', /类型|type$/, false, true),
  fam('customer', /^(?:工单|服务单)?(?:提交|申请|报修|报障|发起|联系|提出|请求|报告|反馈)(?:人|者|用户|部门|单位)(?:名称|姓名)?$|^(?:客户|用户|使用单位|使用部门|需求部门|服务对象)(?:名称|姓名|名)?$|^(?:customer|client|requester|reporter|caller|contact|enduser|submitter|requestedby|openedby|raisedby|guest)(?:name|id|email|person)?$|^(?:crm|end)?user(?:name)?$/),
  fam('reopen_count', /重开|重新打开|重启次数|再次打开|reopen/),
  fam('is_fault', /是否故障|故障标记|isfault|isincident|isoutage/),
]

const TIME_LIKE = /时间|日期|时刻|时长|用时|耗时|time|date|at$|on$|minutes|hours|hrs|mins/

/** The timestamp target and the duration target of one subject: the column's content tells which it is. */
export const TIME_OR_DURATION: Partial<Record<MappingTarget, MappingTarget>> = {
  first_response_at: 'first_response_min',
  first_response_min: 'first_response_at',
  resolved_at: 'resolution_min',
  resolution_min: 'resolved_at',
}

/**
 * The target the keyword families propose for a normalized header: the first family that
 * matches, the more specific families coming first. A trapped family's match counts as none
 * when the header matches a trap; `trap` then says so, for the column report.
 */
export function keywordTarget(normalized: string): { target: MappingTarget | null, trap: boolean } {
  const trapped = TRAP.test(normalized)
  // A trap word in a header that names a time is worth a note even when no family matched it.
  let trap = trapped && TIME_LIKE.test(normalized)
  for (const f of KEYWORD_FAMILIES) {
    if (!f.re.test(normalized) || (f.label && (IDENTIFIER.test(normalized) || PERSON_TYPE.test(normalized) || ABOUT.test(normalized)))) continue
    if (f.trapped && trapped) {
      trap = true
      continue
    }
    return { target: f.target, trap }
  }
  return { target: null, trap }
}
