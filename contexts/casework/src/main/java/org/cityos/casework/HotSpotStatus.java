package org.cityos.casework;

/** A hot spot is raised OPEN, ACKNOWLEDGED by the centre when someone looks into it, and CLOSED when dealt with. */
public enum HotSpotStatus {
    OPEN("待处置"),
    ACKNOWLEDGED("已确认"),
    CLOSED("已关闭");

    private final String nameZh;

    HotSpotStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
