package org.cityos.casework;

/** The citizen's rating at follow-up; 基本满意 counts 0.8 in the satisfaction rate by default. */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意");

    private final String nameZh;

    Satisfaction(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
