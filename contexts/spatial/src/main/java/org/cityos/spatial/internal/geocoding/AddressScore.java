package org.cityos.spatial.internal.geocoding;

import java.util.Objects;
import org.cityos.spatial.StandardAddress;

/**
 * How well a stored address agrees with a parsed query, part by part. The road counts most; a part
 * the query gives and the address contradicts costs more than a part the query leaves out.
 */
final class AddressScore {
    private static final double ROAD = 0.50;
    private static final double NUMBER = 0.25;
    private static final double TOWN = 0.10;
    private static final double COMPOUND = 0.05;
    private static final double BUILDING = 0.05;
    private static final double UNIT = 0.03;
    private static final double COMMUNITY = 0.02;

    private AddressScore() {}

    /** {@code address} must be {@link #normalized}. */
    static double score(StandardAddress query, StandardAddress address, double roadSimilarity) {
        double s = ROAD * roadSimilarity;
        if (query.number() != null) {
            s += query.number().equals(address.number()) ? NUMBER : -NUMBER / 2;
        }
        s += part(query.town(), address.town(), TOWN, TOWN);
        s += part(query.community(), address.community(), COMMUNITY, COMMUNITY / 2);
        if (query.compound() != null && address.compound() != null) {
            s += same(query.compound(), address.compound()) ? COMPOUND : -COMPOUND;
        }
        s += part(query.building(), address.building(), BUILDING, 2 * BUILDING);
        s += part(query.unit(), address.unit(), UNIT, 2 * UNIT);
        return s;
    }

    /** The score of a perfect match for this query: the scale of the confidence. */
    static double maximum(StandardAddress query) {
        double max = ROAD;
        max += query.number() != null ? NUMBER : 0;
        max += query.town() != null ? TOWN : 0;
        max += query.community() != null ? COMMUNITY : 0;
        max += query.compound() != null ? COMPOUND : 0;
        max += query.building() != null ? BUILDING : 0;
        max += query.unit() != null ? UNIT : 0;
        return max;
    }

    private static double part(String wanted, String actual, double reward, double penalty) {
        if (wanted == null || actual == null) {
            return 0;
        }
        return same(wanted, actual) ? reward : -penalty;
    }

    /** Both sides are in normal form already (the parser's output and the index's copy). */
    private static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }

    /** The parts in the form the parser produces, so that scoring compares plain strings. */
    static StandardAddress normalized(StandardAddress a) {
        return new StandardAddress(
                norm(a.district()),
                norm(a.town()),
                norm(a.community()),
                norm(a.road()),
                norm(a.number()),
                norm(a.compound()),
                norm(a.building()),
                norm(a.unit()),
                norm(a.room()));
    }

    private static String norm(String part) {
        return part == null ? null : RoadText.normalize(part);
    }
}
