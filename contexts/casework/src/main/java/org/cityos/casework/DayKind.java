package org.cityos.casework;

/** How a calendar entry overrides the default week (Monday to Friday work, Saturday and Sunday rest). */
public enum DayKind {
    /** 法定节假日: no work, whatever the weekday. */
    HOLIDAY("法定节假日"),
    /** 调休上班: a weekend day worked in exchange for a holiday. */
    WORKDAY("调休上班");

    private final String nameZh;

    DayKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
