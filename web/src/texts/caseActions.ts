/** Timeline step names (casework's CaseAction) in both languages. */
export const caseActionsZh = {
  'caseAction.RECEIVED': '受理', 'caseAction.ANSWERED': '直接答复', 'caseAction.DUPLICATE_LINKED': '关联重复诉求',
  'caseAction.CATEGORISED': '确认分类', 'caseAction.DISPATCHED': '派遣', 'caseAction.WITHDRAWN': '撤回派遣',
  'caseAction.SIGNED': '签收', 'caseAction.RETURNED': '退单', 'caseAction.PASSED_DOWN': '下派',
  'caseAction.CO_HANDLERS_ADDED': '增加协办', 'caseAction.STARTED': '开始办理', 'caseAction.CO_REPLIED': '协办反馈',
  'caseAction.REPLIED': '办理反馈', 'caseAction.REPLY_REJECTED': '核实未通过', 'caseAction.VERIFIED': '核实通过',
  'caseAction.CLOSED': '办结', 'caseAction.REOPENED': '重启', 'caseAction.SUSPENDED': '挂起', 'caseAction.RESUMED': '恢复',
  'caseAction.SUPERVISED': '督办', 'caseAction.EXTENSION_REQUESTED': '申请延期', 'caseAction.EXTENSION_DECIDED': '延期审批',
  'caseAction.APPEALED': '申诉', 'caseAction.APPEAL_DECIDED': '申诉审核', 'caseAction.MERGED': '合并至他案',
  'caseAction.ABSORBED': '并入他案', 'caseAction.SPLIT': '拆分', 'caseAction.RATED': '评价', 'caseAction.ATTACHED': '上传附件',
  'caseAction.RESPONSE_WARNED': '响应即将超期', 'caseAction.RESPONSE_OVERDUE': '响应超期',
  'caseAction.RESOLUTION_WARNED': '办理即将超期', 'caseAction.RESOLUTION_OVERDUE': '办理超期',
};

export const caseActionsEn: Record<keyof typeof caseActionsZh, string> = {
  'caseAction.RECEIVED': 'Received', 'caseAction.ANSWERED': 'Answered', 'caseAction.DUPLICATE_LINKED': 'Linked duplicate',
  'caseAction.CATEGORISED': 'Categorised', 'caseAction.DISPATCHED': 'Dispatched', 'caseAction.WITHDRAWN': 'Withdrawn',
  'caseAction.SIGNED': 'Signed', 'caseAction.RETURNED': 'Returned', 'caseAction.PASSED_DOWN': 'Passed down',
  'caseAction.CO_HANDLERS_ADDED': 'Co-handlers added', 'caseAction.STARTED': 'Started', 'caseAction.CO_REPLIED': 'Co-handler replied',
  'caseAction.REPLIED': 'Replied', 'caseAction.REPLY_REJECTED': 'Reply rejected', 'caseAction.VERIFIED': 'Verified',
  'caseAction.CLOSED': 'Closed', 'caseAction.REOPENED': 'Reopened', 'caseAction.SUSPENDED': 'Suspended', 'caseAction.RESUMED': 'Resumed',
  'caseAction.SUPERVISED': 'Supervised', 'caseAction.EXTENSION_REQUESTED': 'Extension requested', 'caseAction.EXTENSION_DECIDED': 'Extension decided',
  'caseAction.APPEALED': 'Appealed', 'caseAction.APPEAL_DECIDED': 'Appeal decided', 'caseAction.MERGED': 'Merged',
  'caseAction.ABSORBED': 'Absorbed', 'caseAction.SPLIT': 'Split', 'caseAction.RATED': 'Rated', 'caseAction.ATTACHED': 'Attachment added',
  'caseAction.RESPONSE_WARNED': 'Response due soon', 'caseAction.RESPONSE_OVERDUE': 'Response overdue',
  'caseAction.RESOLUTION_WARNED': 'Resolution due soon', 'caseAction.RESOLUTION_OVERDUE': 'Resolution overdue',
};
