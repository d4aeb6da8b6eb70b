package org.cityos.simulator.world;

/** How big a district to generate: a few hundred devices for tests and demos, or the seed's full size. */
public enum Scale {
    SMALL,
    FULL;

    public static Scale parse(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "small" -> SMALL;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("scale must be small or full, not \"" + text + "\"");
        };
    }
}
