package org.cityos.casework;

/** 主办 answers for the case; 协办 contributes a part and reports it back. */
public enum AssignmentRole {
    MAIN("主办"),
    CO("协办");

    private final String nameZh;

    AssignmentRole(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
