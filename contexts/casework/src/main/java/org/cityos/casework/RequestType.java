package org.cityos.casework;

/** What the caller wants (诉求类型); consultations can be answered at intake without dispatch. */
public enum RequestType {
    CONSULTATION("咨询"),
    HELP("求助"),
    COMPLAINT("投诉"),
    REPORT("举报"),
    SUGGESTION("建议"),
    PRAISE("表扬"),
    /** A problem found in the street or by a sensor (部件/事件问题). */
    INCIDENT("问题上报");

    private final String nameZh;

    RequestType(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
