package org.cityos.casework;

/** How fast a case must move; deadlines are set per category and urgency. */
public enum Urgency {
    ROUTINE("一般"),
    URGENT("紧急"),
    EMERGENCY("特急");

    private final String nameZh;

    Urgency(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
