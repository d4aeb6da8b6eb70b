package org.cityos.casework;

/** The levels of 协调分转: the district centre, departments and town sub-centres, communities, grids and handlers. */
public enum UnitKind {
    CENTRE("centre", 0, "区级中心"),
    DEPARTMENT("dept", 1, "委办局"),
    TOWN("town", 1, "街乡镇分中心"),
    COMMUNITY("community", 2, "社区(村)"),
    GRID("grid", 3, "网格"),
    HANDLER("user", 3, "承办人");

    private final String prefix;
    private final int level;
    private final String nameZh;

    UnitKind(String prefix, int level, String nameZh) {
        this.prefix = prefix;
        this.level = level;
        this.nameZh = nameZh;
    }

    public String prefix() {
        return prefix;
    }

    /** 0 for the centre, growing downwards; a case passes down only to a deeper level. */
    public int level() {
        return level;
    }

    public String nameZh() {
        return nameZh;
    }

    static UnitKind byPrefix(String prefix) {
        for (UnitKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        return null;
    }
}
