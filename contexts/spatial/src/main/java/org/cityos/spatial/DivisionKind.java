package org.cityos.spatial;

import java.util.Set;
import org.cityos.kernel.DivisionLevel;

/** What a division is, in the words of the NBS code ranges and the grid system; each kind fits one level. */
public enum DivisionKind {
    PROVINCE(DivisionLevel.PROVINCE, "省/直辖市"),
    CITY(DivisionLevel.CITY, "市"),
    DISTRICT(DivisionLevel.DISTRICT, "区/县"),
    SUBDISTRICT(DivisionLevel.TOWN, "街道"),
    AREA_OFFICE(DivisionLevel.TOWN, "地区办事处"),
    TOWN(DivisionLevel.TOWN, "镇"),
    TOWNSHIP(DivisionLevel.TOWN, "乡"),
    SPECIAL_ZONE(DivisionLevel.TOWN, "类似乡级单位"),
    COMMUNITY(DivisionLevel.COMMUNITY, "社区"),
    VILLAGE(DivisionLevel.COMMUNITY, "村"),
    GRID(DivisionLevel.GRID, "网格");

    private final DivisionLevel level;
    private final String label;

    DivisionKind(DivisionLevel level, String label) {
        this.level = level;
        this.label = label;
    }

    public DivisionLevel level() {
        return level;
    }

    /** The Chinese name of the kind, as shown to people. */
    public String label() {
        return label;
    }

    public static Set<DivisionKind> forLevel(DivisionLevel level) {
        java.util.EnumSet<DivisionKind> kinds = java.util.EnumSet.noneOf(DivisionKind.class);
        for (DivisionKind kind : values()) {
            if (kind.level == level) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
