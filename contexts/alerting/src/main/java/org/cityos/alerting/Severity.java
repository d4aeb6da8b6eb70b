package org.cityos.alerting;

/**
 * The four colours of Chinese early warnings (GB/T 29639 style 红/橙/黄/蓝), most severe first. The rank orders
 * them for filters such as "orange and above".
 */
public enum Severity {
    RED("红色", 1),
    ORANGE("橙色", 2),
    YELLOW("黄色", 3),
    BLUE("蓝色", 4);

    private final String nameZh;
    private final int rank;

    Severity(String nameZh, int rank) {
        this.nameZh = nameZh;
        this.rank = rank;
    }

    public String nameZh() {
        return nameZh;
    }

    /** 1 for red … 4 for blue. */
    public int rank() {
        return rank;
    }

    /** Whether this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return rank <= other.rank;
    }
}
