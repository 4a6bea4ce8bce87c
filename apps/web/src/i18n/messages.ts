import { ERROR_MESSAGES, type ErrorCode } from './errors';
import { FIELD_LABELS_ZH, domainLabel } from './labels';
import { INBOX_UI } from './messages.inbox';
import { CASE_LABELS_ZH, CASE_UI } from './messages.case';
import { WEBHOOKS_UI } from './messages.webhooks';
import { CONSIGNMENT_UI } from './messages.consignment';

export type Lang = 'zh-CN' | 'en-US';
const LANG_KEY = 'aso.lang';

export const savedLang = (): Lang =>
  window.localStorage.getItem(LANG_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
export const saveLang = (l: Lang) => window.localStorage.setItem(LANG_KEY, l);

const UI = {
  ...INBOX_UI,
  ...CASE_UI,
  ...WEBHOOKS_UI,
  ...CONSIGNMENT_UI,
  appTitle: ['售后案件', 'After-sales cases'],
  login: ['登录', 'Log in'],
  logout: ['退出', 'Log out'],
  organisation: ['组织', 'Organisation'],
  username: ['用户名', 'User'],
  password: ['密码', 'Password'],
  language: ['语言', 'Language'],
  inbox: ['待办', 'Inbox'],
  myTasks: ['我的任务', 'My tasks'],
  deptQueue: ['部门待领取', 'Department queue'],
  caseNumber: ['案件编号', 'Case'],
  caseType: ['案件类型', 'Case type'],
  task: ['任务', 'Task'],
  stage: ['阶段', 'Stage'],
  customer: ['客户', 'Customer'],
  due: ['期限', 'Due'],
  priority: ['优先级', 'Priority'],
  assignee: ['处理人', 'Assignee'],
  actions: ['操作', 'Actions'],
  open: ['办理', 'Open'],
  claim: ['领取', 'Claim'],
  release: ['释放', 'Release'],
  overdueBy: ['已超期', 'overdue by'],
  left: ['剩余', 'left'],
  noDue: ['无期限', 'no due date'],
  empty: ['暂无待办', 'Nothing to do'],
  submit: ['提交', 'Submit'],
  command: ['操作类型', 'Command'],
  comment: ['备注', 'Comment'],
  submitted: ['已提交', 'Submitted'],
  status: ['状态', 'Status'],
  policyVersion: ['规则版本', 'Policy version'],
  openedAt: ['立案时间', 'Opened'],
  closingDue: ['结案期限', 'Closing due'],
  closedAt: ['结案时间', 'Closed'],
  tasks: ['任务', 'Tasks'],
  documents: ['单据', 'Documents'],
  audit: ['审计记录', 'Audit trail'],
  verified: ['校验通过', 'Verified'],
  broken: ['校验失败', 'Broken'],
  actor: ['操作人', 'Actor'],
  time: ['时间', 'Time'],
  action: ['动作', 'Action'],
  data: ['数据', 'Data'],
  readOnly: ['只读', 'Read-only'],
  backToInbox: ['返回待办', 'Back to the inbox'],
  loading: ['加载中…', 'Loading…'],
  error: ['出错了', 'Something went wrong'],
  add: ['添加', 'Add'],
  remove: ['删除', 'Remove'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  revision: ['版本', 'Revision'],
  docNumber: ['单号', 'Number'],
  docType: ['单据类型', 'Type'],
  completedBy: ['完成人', 'Completed by'],
  completedAt: ['完成时间', 'Completed'],
  noTaskHere: ['该任务已不在待办中', 'This task is no longer open'],
} as const satisfies Record<string, readonly [string, string]>;
export type MessageKey = keyof typeof UI;

export const translate = (lang: Lang, key: MessageKey): string => UI[key][lang === 'zh-CN' ? 0 : 1];

export const errorMessage = (lang: Lang, code: string, fallback: string): string =>
  ERROR_MESSAGES[code as ErrorCode]?.[lang] ?? fallback;

/** zh-CN labels of enum values and names the API sends; English falls back to the value. */
const LABELS_ZH: Record<string, string> = {
  ...CASE_LABELS_ZH,
  complaint: '客诉',
  return: '退货',
  repair: '维修',
  open: '待领取',
  claimed: '已领取',
  completed: '已完成',
  cancelled: '已取消',
  product_quality: '产品质量',
  transport: '运输',
  handling: '搬运',
  wrong_item: '错发',
  service: '服务',
  other: '其他',
  general: '一般',
  severe: '严重',
  calendar_days: '自然日',
  working_days: '工作日',
  business_hours: '工作小时',
  calendar_hours: '小时',
  discount: '折让',
  compensation: '赔偿',
  rework: '返工',
  exchange: '换货',
  resupply: '补发',
  apology: '致歉',
  not_established: '不成立',
  warning: '警告',
  demerit: '记过',
  fine: '罚款',
  bonus_deduction: '扣奖金',
  phone: '电话',
  email: '邮件',
  online: '线上',
  store: '门店',
  followUp: '回访',
  consignment: '代销',
  review: '月度检讨',
  wholesale: '批发(pf)',
  franchise: '加盟(jm)',
  monthly: '每月',
  quarterly: '每季',
};

export const label = (lang: Lang, value: string): string =>
  lang === 'zh-CN'
    ? // LABELS_ZH first: a department (`sales`) outranks the consignment stage of that name
      (LABELS_ZH[value] ?? domainLabel(lang, value) ?? FIELD_LABELS_ZH[value] ?? value)
    : (domainLabel(lang, value) ?? value.replace(/_/g, ' '));

/** KS… complaint, TH… return, WX… repair, DX… consignment, HF… (the case number's prefix). */
export const caseTypeOf = (caseNumber: string): string =>
  ({ KS: 'complaint', TH: 'return', WX: 'repair', DX: 'consignment', HF: 'callback' })[
    caseNumber.slice(0, 2)
  ] ?? caseNumber.slice(0, 2);
