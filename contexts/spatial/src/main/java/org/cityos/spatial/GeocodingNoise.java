package org.cityos.spatial;

import java.util.Objects;
import java.util.SplittableRandom;
import org.cityos.spatial.internal.geocoding.ChineseNumbers;
import org.cityos.spatial.internal.geocoding.TownNames;

/**
 * Writes gazetteer addresses the way people type them, with a fixed, seeded mix of mistakes: 30%
 * drop the city/district prefix, 20% use the town's short name, 20% write the house number in
 * full-width digits or Chinese numerals, 10% get one character of the road name wrong, 10% add
 * spaces or punctuation, 10% leave out the unit (or the building when there is no unit). Each
 * mistake is drawn independently. Shared by the accuracy test and the benchmark.
 */
public final class GeocodingNoise {
    /** Common characters never used in road names' structure words or numerals: a realistic slip. */
    private static final String WRONG =
            "的是了我不人在他有这个上们来到时大为子你说生国年着就那和要她出也得后自以会家可而过天去能对多然于心学么之都好看起发当没成只如事把还用样想作种开美总从无情己面最女但现些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什次使身者被高已亲其进此话常与活正感";

    private static final String SPACES = " 　,，、。·;；";

    private final SplittableRandom random;
    private final String cityName;

    /** A noisy query, the address it was written from, and whether a part was left out. */
    public record NoisyQuery(String text, AddressEntry source, boolean partDropped) {
        /**
         * Whether {@code top} answers this query: the source itself, or — when the query left out the
         * unit or building — an address agreeing with every part the query still gives.
         */
        public boolean isAnsweredBy(AddressEntry top) {
            if (top == null) {
                return false;
            }
            if (top.id() == source.id()) {
                return true;
            }
            if (!partDropped) {
                return false;
            }
            StandardAddress a = source.address();
            StandardAddress b = top.address();
            boolean unitDropped = a.unit() != null;
            return Objects.equals(a.road(), b.road())
                    && Objects.equals(a.number(), b.number())
                    && Objects.equals(a.compound(), b.compound())
                    && (!unitDropped || Objects.equals(a.building(), b.building()));
        }
    }

    public GeocodingNoise(long seed, String cityName) {
        this.random = new SplittableRandom(seed);
        this.cityName = cityName == null ? "" : cityName;
    }

    public NoisyQuery write(AddressEntry entry) {
        StandardAddress a = entry.address();
        boolean dropPrefix = chance(30);
        boolean shortTown = chance(20);
        boolean oddNumber = chance(20);
        boolean wrongChar = chance(10);
        boolean extraMarks = chance(10);
        boolean dropPart = chance(10) && a.building() != null;
        StringBuilder text = new StringBuilder();
        if (!dropPrefix) {
            text.append(cityName).append(a.district() == null ? "" : a.district());
        }
        if (a.town() != null) {
            text.append(shortTown ? TownNames.shortName(a.town()) : a.town());
        }
        String road = a.road() == null ? "" : a.road();
        text.append(wrongChar ? misspell(road) : road);
        if (a.number() != null) {
            text.append(oddNumber ? oddly(a.number()) : a.number()).append(a.courtyard() ? "号院" : "号");
        }
        if (a.compound() != null && !a.courtyard()) {
            text.append(a.compound());
        }
        boolean dropUnit = dropPart && a.unit() != null;
        if (a.building() != null && (!dropPart || dropUnit)) {
            text.append(a.building()).append("号楼");
        }
        if (a.unit() != null && !dropUnit) {
            text.append(a.unit()).append("单元");
        }
        String written = extraMarks ? sprinkle(text.toString()) : text.toString();
        return new NoisyQuery(written, entry, dropPart);
    }

    private String misspell(String road) {
        if (road.isEmpty()) {
            return road;
        }
        int at = random.nextInt(road.length());
        char wrong;
        do {
            wrong = WRONG.charAt(random.nextInt(WRONG.length()));
        } while (wrong == road.charAt(at));
        return road.substring(0, at) + wrong + road.substring(at + 1);
    }

    /** ８８ (full-width) or 八十八 (Chinese numerals), half and half. */
    private String oddly(String number) {
        if (!number.matches("[0-9]{1,4}")) {
            return number;
        }
        if (random.nextBoolean()) {
            StringBuilder wide = new StringBuilder();
            number.chars().forEach(c -> wide.append((char) (c - '0' + '０')));
            return wide.toString();
        }
        return ChineseNumbers.write(Integer.parseInt(number));
    }

    private String sprinkle(String text) {
        StringBuilder out = new StringBuilder(text);
        int marks = 1 + random.nextInt(3);
        for (int i = 0; i < marks; i++) {
            out.insert(random.nextInt(out.length() + 1), SPACES.charAt(random.nextInt(SPACES.length())));
        }
        return out.toString();
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }
}
