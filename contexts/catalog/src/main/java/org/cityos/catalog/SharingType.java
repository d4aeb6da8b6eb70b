package org.cityos.catalog;

/** How a resource may be shared between departments (共享类型). */
public enum SharingType implements Labelled {
    /** Shared with any department that asks. */
    UNCONDITIONAL("无条件共享"),
    /** Shared on conditions the entry states. */
    CONDITIONAL("有条件共享"),
    /** Not shared; the entry states why. */
    NOT_SHARED("不予共享");

    private final String label;

    SharingType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
