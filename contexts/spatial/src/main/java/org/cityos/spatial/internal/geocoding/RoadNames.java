package org.cityos.spatial.internal.geocoding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plausible, unique road names from syllable lists and suffixes. No two names are within one edit
 * of each other, so a name with one wrong character still points at a single road.
 */
final class RoadNames {
    private static final String FIRST = "兴华康宏盛福安永清金星泰和德瑞文新明荣昌广嘉锦春丰林海云天宝景龙凤祥隆裕富鸿顺通吉建育民光英惠茂兰桂松柏竹梅芳绿青翠晨阳";
    private static final String SECOND = "华业盛旺源德和宁泰丰达荣兴康顺通海昌隆祥瑞福光明辉强胜民乐成盈庆茂泽林园苑禾欣悦";
    private static final String VILLAGE = "辛刘王张李赵孙周吴郑魏韩杨高马朱胡郭何罗梁宋谢唐许邓冯曹彭曾萧田董潘袁蔡蒋余杜";
    private static final String[] VILLAGE_END = {"庄", "营", "屯", "店", "垡", "各庄", "辛庄", "堡", "坊", "务", "疃", "村"};
    private static final String[] VILLAGE_PREFIX = {"", "", "", "东", "西", "南", "北", "前", "后", "大", "小"};
    private static final String[] STREET_SUFFIX = {"路", "路", "路", "路", "街", "街", "大街", "巷", "巷", "胡同", "大道"};
    private static final String[] VILLAGE_SUFFIX = {"路", "街", "巷", "胡同", "中街", "大街"};
    private static final String DIRECTIONS = "东西南北中";

    private final SplittableRandom random;
    private final List<String> reservedPrefixes;
    private final Set<String> taken = new HashSet<>();
    private final Set<String> neighbourhood = new HashSet<>();
    private final Set<String> villages = new HashSet<>();

    RoadNames(SplittableRandom random, List<String> reservedPrefixes) {
        this.random = random;
        this.reservedPrefixes = List.copyOf(reservedPrefixes);
    }

    /** A street name such as 兴华路 or 康宁大街; longer stems once the short ones run out. */
    String street() {
        for (int attempt = 0; attempt < 400; attempt++) {
            String stem = pick(FIRST) + pick(SECOND) + (attempt < 60 ? "" : pick(SECOND));
            String name = stem + STREET_SUFFIX[random.nextInt(STREET_SUFFIX.length)];
            if (take(name, false)) {
                return name;
            }
        }
        throw new IllegalStateException("road names exhausted");
    }

    /** An arterial: a long name ending in 大街 or 大道, or 路 for the older ones. */
    String arterial() {
        String[] suffixes = {"大街", "大道", "路"};
        for (int attempt = 0; attempt < 400; attempt++) {
            String name = pick(FIRST) + pick(SECOND) + suffixes[random.nextInt(suffixes.length)];
            if (take(name, false)) {
                return name;
            }
        }
        return street();
    }

    /** A road joining two towns takes a character of each (黄村 + 亦庄 → 黄亦路), when still free. */
    String joining(String fromTown, String toTown) {
        if (fromTown != null && toTown != null && fromTown.charAt(0) != toTown.charAt(0)) {
            String name = "" + fromTown.charAt(0) + toTown.charAt(0) + "路";
            if (take(name, true)) {
                return name;
            }
        }
        return arterial();
    }

    /** A street named after its town (旧宫西路), or null when the town's names are used up. */
    String ofTown(String townShort) {
        if (townShort == null
                || townShort.length() < 2
                || townShort.length() > 4
                || RoadText.endsWithRoadSuffix(townShort)) {
            return null;
        }
        String[] suffixes = {"路", "街", "大街"};
        for (int attempt = 0; attempt < 8; attempt++) {
            String name = townShort
                    + DIRECTIONS.charAt(random.nextInt(DIRECTIONS.length()))
                    + suffixes[random.nextInt(suffixes.length)];
            if (take(name, true)) {
                return name;
            }
        }
        return null;
    }

    /** A new village name (前辛庄, 西刘各庄), unique among villages. */
    String village() {
        for (int attempt = 0; attempt < 400; attempt++) {
            String name = VILLAGE_PREFIX[random.nextInt(VILLAGE_PREFIX.length)]
                    + pick(VILLAGE)
                    + (random.nextInt(3) == 0 ? pick(SECOND) : "")
                    + VILLAGE_END[random.nextInt(VILLAGE_END.length)];
            if (name.length() >= 2 && !reserved(name) && villages.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("village names exhausted");
    }

    /** A road of a village (前辛庄路, 前辛庄中街); null when its names are used up. */
    String ofVillage(String village) {
        for (int attempt = 0; attempt < 8; attempt++) {
            String name = village + VILLAGE_SUFFIX[random.nextInt(VILLAGE_SUFFIX.length)];
            if (take(name, false)) {
                return name;
            }
        }
        return null;
    }

    private String pick(String chars) {
        return String.valueOf(chars.charAt(random.nextInt(chars.length())));
    }

    private boolean reserved(String name) {
        return reservedPrefixes.stream().anyMatch(name::startsWith);
    }

    /** Registers a name unless it is within one edit of a taken one (symmetric-deletion check). */
    private boolean take(String name, boolean mayUseTownPrefix) {
        if ((!mayUseTownPrefix && reserved(name)) || neighbourhood.contains(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (neighbourhood.contains(deleteAt(name, i))) {
                return false;
            }
        }
        taken.add(name);
        neighbourhood.add(name);
        for (int i = 0; i < name.length(); i++) {
            neighbourhood.add(deleteAt(name, i));
        }
        return true;
    }

    private static String deleteAt(String s, int i) {
        return s.substring(0, i) + s.substring(i + 1);
    }
}
