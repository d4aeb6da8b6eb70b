package org.cityos.casework;

/** Where a case came in; every channel produces the same kind of case. */
public enum Channel {
    /** The 12345 hotline's call-centre system. */
    HOTLINE("12345热线"),
    /** Public apps through Open311 GeoReport v2. */
    OPEN311("公众上报"),
    /** A grid worker's report from the street, with photos and GPS. */
    GRID("网格上报"),
    /** An alarm turned into a case by an intake policy. */
    ALARM("监测告警"),
    /** Another context's event turned into a case by an intake policy. */
    EVENT("部门事件"),
    /** Entered by an operator of the operations centre. */
    OPERATOR("坐席录入");

    private final String nameZh;

    Channel(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
