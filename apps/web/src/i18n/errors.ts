import type { components } from '../api/schema';

/** The API's closed list of error codes (ErrorBody.code in its OpenAPI document). */
export type ErrorCode = components['schemas']['ErrorBody']['code'];

/**
 * The API's error codes as people read them: one table, zh-CN and en. Typed by the generated
 * client, so a code the API adds and this table lacks fails `npm run typecheck`.
 */
export const ERROR_MESSAGES: Record<ErrorCode, { 'zh-CN': string; 'en-US': string }> = {
  VALIDATION_FAILED: {
    'zh-CN': '填写内容有误，请检查标出的字段',
    'en-US': 'Some fields are invalid: see the marked fields',
  },
  BODY_TOO_DEEP: { 'zh-CN': '提交的数据层级过深', 'en-US': 'The request is nested too deeply' },
  COMMAND_INVALID: {
    'zh-CN': '此操作不适用于该任务',
    'en-US': 'This command does not fit the task',
  },
  CASE_NUMBER_INVALID: { 'zh-CN': '案件编号格式不正确', 'en-US': 'The case number is malformed' },
  MONEY_INVALID: { 'zh-CN': '金额不正确', 'en-US': 'The amount is invalid' },
  QUANTITY_INVALID: { 'zh-CN': '数量不正确', 'en-US': 'The quantity is invalid' },
  UNAUTHENTICATED: {
    'zh-CN': '登录已失效，请重新登录',
    'en-US': 'Your session has ended: please log in again',
  },
  INVALID_CREDENTIALS: {
    'zh-CN': '组织、用户名或密码错误',
    'en-US': 'Organisation, user or password is wrong',
  },
  FORBIDDEN: { 'zh-CN': '无权执行此操作', 'en-US': 'You may not do this' },
  AUDITOR_READ_ONLY: { 'zh-CN': '审计人员只能查看', 'en-US': 'Auditors have read-only access' },
  CALLER_NOT_QUALIFIED: {
    'zh-CN': '回访需经培训并考核合格后方可上岗',
    'en-US': 'Follow-up calls need the trained-caller qualification',
  },
  WRONG_DEPARTMENT: {
    'zh-CN': '该任务不属于您的部门',
    'en-US': 'This task belongs to another department',
  },
  WRONG_ROLE: { 'zh-CN': '您的角色不能处理该任务', 'en-US': 'Your role cannot work this task' },
  SELF_APPROVAL: {
    'zh-CN': '不能审批自己提交的内容',
    'en-US': 'You cannot approve your own submission',
  },
  APPROVER_REPEATED: {
    'zh-CN': '同一人不能重复审批',
    'en-US': 'The same person cannot approve twice',
  },
  APPROVAL_LIMIT_EXCEEDED: {
    'zh-CN': '金额超出您的核决权限',
    'en-US': 'The amount exceeds your approval limit',
  },
  APPROVAL_STEP_MISMATCH: {
    'zh-CN': '审批步骤不符',
    'en-US': 'This is not the current approval step',
  },
  CASE_NOT_FOUND: { 'zh-CN': '案件不存在', 'en-US': 'Case not found' },
  TASK_NOT_FOUND: { 'zh-CN': '任务不存在', 'en-US': 'Task not found' },
  NOT_FOUND: { 'zh-CN': '未找到', 'en-US': 'Not found' },
  USER_NOT_FOUND: { 'zh-CN': '用户不存在', 'en-US': 'User not found' },
  TASK_NOT_OPEN: { 'zh-CN': '任务已不再待办', 'en-US': 'The task is no longer open' },
  ILLEGAL_TRANSITION: {
    'zh-CN': '案件当前状态不允许此操作',
    'en-US': 'The case’s state does not allow this',
  },
  CONFLICT: {
    'zh-CN': '数据已被修改，请刷新后重试',
    'en-US': 'It changed meanwhile: reload and retry',
  },
  USERNAME_TAKEN: { 'zh-CN': '用户名已被使用', 'en-US': 'The user name is taken' },
  CANNOT_DEACTIVATE_SELF: {
    'zh-CN': '不能停用自己的账号',
    'en-US': 'You cannot deactivate yourself',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    'zh-CN': '同一请求正在处理中',
    'en-US': 'The same request is still running',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '请求标识已用于其他请求',
    'en-US': 'The idempotency key was used for another request',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '文件或数据过大', 'en-US': 'Too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的文件类型', 'en-US': 'Unsupported file type' },
  TOO_MANY_ATTEMPTS: {
    'zh-CN': '尝试次数过多，请稍后再试',
    'en-US': 'Too many attempts: try again later',
  },
  POLICY_INVALID: { 'zh-CN': '规则配置无效', 'en-US': 'The policy is invalid' },
  CALENDAR_YEAR_UNKNOWN: {
    'zh-CN': '该年份的工作日历未配置',
    'en-US': 'No working calendar for that year',
  },
  CALENDAR_RANGE_EXCEEDED: {
    'zh-CN': '超出工作日历的范围',
    'en-US': 'Beyond the working calendar',
  },
  HOLIDAY_TABLE_INVALID: { 'zh-CN': '节假日表无效', 'en-US': 'The holiday table is invalid' },
  APPROVAL_ROUTE_NOT_FOUND: { 'zh-CN': '未找到适用的审批路线', 'en-US': 'No approval route fits' },
  RETURN_WINDOW_EXPIRED: { 'zh-CN': '已超出退货期限', 'en-US': 'The return window has passed' },
  RETURN_NOT_ELIGIBLE: { 'zh-CN': '该商品不符合退货条件', 'en-US': 'Not eligible for return' },
  QUANTITY_MISMATCH: { 'zh-CN': '数量不符', 'en-US': 'The quantities do not match' },
  SLA_PAUSE_INVALID: { 'zh-CN': '计时暂停无效', 'en-US': 'The clock pause is invalid' },
  REPAIR_ITEM_NOT_ACCEPTED: {
    'zh-CN': '维修件未被接收',
    'en-US': 'The repair item was not accepted',
  },
  OUT_OF_TOWN_NOT_APPROVED: {
    'zh-CN': '外地服务未获批准',
    'en-US': 'Out-of-town service is not approved',
  },
  CONSIGNMENT_CODE_INVALID: { 'zh-CN': '寄售编码无效', 'en-US': 'The consignment code is invalid' },
  CONSIGNMENT_ITEM_UNKNOWN: {
    'zh-CN': '代销清单上没有该编号的商品',
    'en-US': 'No item with this code is on the consignment list',
  },
  CONSIGNMENT_OVERSOLD: {
    'zh-CN': '销售数量超过代销数量',
    'en-US': 'More would be sold than was consigned',
  },
  SURVEY_INVALID: { 'zh-CN': '回访问卷无效', 'en-US': 'The survey is invalid' },
  POLICY_VERSION_MISMATCH: {
    'zh-CN': '规则版本不符',
    'en-US': 'The policy version does not match',
  },
  EXCEEDS_APPROVED_DECISION: {
    'zh-CN': '超出已批准的处理决定',
    'en-US': 'Exceeds the approved decision',
  },
  CUSTOMER_CHANNEL_FORBIDDEN: {
    'zh-CN': '客户渠道不允许此操作',
    'en-US': 'Not allowed on the customer channel',
  },
  APPOINTMENT_CLASH: { 'zh-CN': '预约时间冲突', 'en-US': 'The appointment clashes' },
  FIRST_RESPONSE_REQUIRED: {
    'zh-CN': '尚未记录首次回应，不能结案',
    'en-US': 'No first response is recorded: the complaint cannot close',
  },
  LETTER_REQUIRED: {
    'zh-CN': '重大投诉须函告客户，不能仅电话告知',
    'en-US': 'A severe complaint’s decision goes to the customer by letter',
  },
  PENALTY_OUTSIDE_BASIS: {
    'zh-CN': '罚扣超出判定基准',
    'en-US': 'The penalty is outside the penalty basis',
  },
  BAD_REQUEST: { 'zh-CN': '请求无效', 'en-US': 'Bad request' },
  INTERNAL: { 'zh-CN': '系统内部错误，请稍后再试', 'en-US': 'Internal error: try again later' },
};
