package org.cityos.casework;

/** Where one unit's assignment stands; only AWAITING_SIGN and SIGNED assignments are active. */
public enum AssignmentStatus {
    AWAITING_SIGN("待签收"),
    SIGNED("已签收"),
    PASSED_DOWN("已下派"),
    RETURNED("已退回"),
    REPLIED("已反馈"),
    WITHDRAWN("已撤回");

    private final String nameZh;

    AssignmentStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public boolean active() {
        return this == AWAITING_SIGN || this == SIGNED;
    }
}
