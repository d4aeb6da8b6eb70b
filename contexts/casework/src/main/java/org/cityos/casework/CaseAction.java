package org.cityos.casework;

/** Every kind of step on a case's timeline; each is audited and published as {@link CaseStepTaken}. */
public enum CaseAction {
    RECEIVED("受理"),
    ANSWERED("直接答复"),
    DUPLICATE_LINKED("关联重复诉求"),
    CATEGORISED("确认分类"),
    DISPATCHED("派遣"),
    WITHDRAWN("撤回派遣"),
    SIGNED("签收"),
    RETURNED("退单"),
    PASSED_DOWN("下派"),
    CO_HANDLERS_ADDED("增加协办"),
    STARTED("开始办理"),
    CO_REPLIED("协办反馈"),
    REPLIED("办理反馈"),
    REPLY_REJECTED("核实未通过"),
    VERIFIED("核实通过"),
    CLOSED("办结"),
    REOPENED("重启"),
    SUSPENDED("挂起"),
    RESUMED("恢复"),
    SUPERVISED("督办"),
    EXTENSION_REQUESTED("申请延期"),
    EXTENSION_DECIDED("延期审批"),
    APPEALED("申诉"),
    APPEAL_DECIDED("申诉审核"),
    MERGED("合并至他案"),
    ABSORBED("并入他案"),
    SPLIT("拆分"),
    RATED("评价"),
    ATTACHED("上传附件"),
    RESPONSE_WARNED("响应即将超期"),
    RESPONSE_OVERDUE("响应超期"),
    RESOLUTION_WARNED("办理即将超期"),
    RESOLUTION_OVERDUE("办理超期");

    private final String nameZh;

    CaseAction(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
