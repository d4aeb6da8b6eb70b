package org.cityos.catalog;

/** Whether an entry is in force; entries are retired, never deleted, so their history stays. */
public enum EntryStatus implements Labelled {
    ACTIVE("在用"),
    RETIRED("已停用");

    private final String label;

    EntryStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
