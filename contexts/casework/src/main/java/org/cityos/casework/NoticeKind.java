package org.cityos.casework;

/** Why a unit is told about a case. */
public enum NoticeKind {
    DISPATCHED("新派遣案件"),
    PASSED_DOWN("上级下派案件"),
    CO_HANDLING("协办案件"),
    RETURNED("案件被退回"),
    REPLY_REJECTED("核实未通过，请重新办理"),
    RESPONSE_WARNING("签收即将超期"),
    RESOLUTION_WARNING("办理即将超期"),
    OVERDUE("案件已超期"),
    SUPERVISED("案件被督办"),
    REOPENED("案件已重启"),
    EXTENSION_REQUESTED("延期申请待审批"),
    EXTENSION_DECIDED("延期申请已审批"),
    APPEAL_REQUESTED("申诉待审核"),
    APPEAL_DECIDED("申诉已审核");

    private final String nameZh;

    NoticeKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
