package org.cityos.catalog;

/** Whether a resource is opened to the public (开放类型). */
public enum OpenType implements Labelled {
    OPEN("开放"),
    CONDITIONAL("有条件开放"),
    CLOSED("不予开放");

    private final String label;

    OpenType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
