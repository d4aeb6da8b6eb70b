package org.cityos.catalog;

/** The type of one data item of a resource. */
public enum ItemType implements Labelled {
    STRING("字符型"),
    INTEGER("整数型"),
    DECIMAL("数值型"),
    DATE("日期型"),
    DATETIME("日期时间型"),
    BOOLEAN("布尔型"),
    BINARY("二进制");

    private final String label;

    ItemType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
