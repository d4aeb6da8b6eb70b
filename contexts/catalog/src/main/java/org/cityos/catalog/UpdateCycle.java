package org.cityos.catalog;

/** How often the provider refreshes the resource (更新周期). */
public enum UpdateCycle implements Labelled {
    REAL_TIME("实时"),
    DAILY("每日"),
    WEEKLY("每周"),
    MONTHLY("每月"),
    QUARTERLY("每季度"),
    HALF_YEARLY("每半年"),
    YEARLY("每年"),
    IRREGULAR("不定期");

    private final String label;

    UpdateCycle(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
