package org.cityos.casework;

/**
 * A case's place in the closed loop: received → dispatched → signed → in progress → replied → verified → closed,
 * with suspension (deadlines paused) and merging into another case on the side.
 */
public enum CaseStatus {
    RECEIVED("已受理"),
    DISPATCHED("已派遣"),
    SIGNED("已签收"),
    IN_PROGRESS("办理中"),
    REPLIED("已反馈"),
    VERIFIED("已核实"),
    CLOSED("已办结"),
    SUSPENDED("已挂起"),
    MERGED("已合并");

    private final String nameZh;

    CaseStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** True while the case still waits for someone to act; closed and merged cases do not. */
    public boolean open() {
        return this != CLOSED && this != MERGED;
    }
}
