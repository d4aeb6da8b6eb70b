package org.cityos.spatial.internal.geocoding;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityos.spatial.AddressVocabulary;
import org.cityos.spatial.StandardAddress;

/**
 * Reads an address left to right: city and district prefixes, town, community (all from the
 * vocabulary, in any of their written forms), then the road up to the house number, then compound,
 * building, unit and room. A short place name is only taken off the front when what follows still
 * reads as a road of its own, so 旧宫西路 stays a road and is not town 旧宫 + road 西路.
 */
public final class AddressTextParser {
    private static final String NUM = "([0-9]+|[零〇一二两三四五六七八九十百千]+)";
    private static final String NUM_OR_LETTER = "([0-9]+[A-Z]?|[A-Z]|[零〇一二两三四五六七八九十百千]+)";
    private static final Pattern HOUSE = Pattern.compile(NUM + "(号院|号(?!楼)|院)");
    private static final Pattern BUILDING = Pattern.compile(NUM_OR_LETTER + "(号楼|栋|座|幢|楼)");
    private static final Pattern UNIT = Pattern.compile(NUM + "单元");
    private static final Pattern ROOM = Pattern.compile(NUM + "(室|户|号)?");
    private static final Pattern DASHED = Pattern.compile("(.*?)([0-9]+[A-Z]?)-([0-9]+)(?:-([0-9]+))?");
    private static final Pattern TRAILING_BUILDING = Pattern.compile("(.+?)" + NUM + "号");
    private static final Pattern GENERIC_TOWN = Pattern.compile("(.{2,8}?(镇|乡|街道|地区))");
    private static final Pattern GENERIC_COMMUNITY = Pattern.compile("(.{2,10}?(社区|居委会|村委会))");
    private static final int MAX_LENGTH = 400;

    private final NameTable cities = new NameTable();
    private final NameTable districts = new NameTable();
    private final NameTable towns = new NameTable();
    private final NameTable communities = new NameTable();

    public AddressTextParser(AddressVocabulary vocabulary) {
        for (String city : vocabulary.cityNames()) {
            cities.add(city, city);
            cities.add(strip(city, "市"), city);
        }
        cities.add("中国", "中国");
        if (vocabulary.districtName() != null) {
            String district = vocabulary.districtName();
            districts.add(district, district);
            districts.add(strip(strip(district, "区"), "县"), district);
        }
        vocabulary.townNames().forEach(t -> TownNames.aliases(t).forEach(a -> towns.add(a, t)));
        vocabulary.communityNames().forEach(c -> TownNames.communityAliases(c).forEach(a -> communities.add(a, c)));
    }

    public StandardAddress parse(String raw) {
        String s = RoadText.normalize(raw == null ? "" : raw);
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        int p = 0;
        for (int i = 0; i < 3 && !startsTown(s, p); i++) {
            int next = take(cities, s, p).end();
            if (next == p) {
                break;
            }
            p = next;
        }
        Taken district = startsTown(s, p) ? new Taken(null, p) : take(districts, s, p);
        p = district.end();
        Taken town = take(towns, s, p);
        if (town.name() == null) {
            town = generic(GENERIC_TOWN, s, p);
        }
        p = town.end();
        Taken community = take(communities, s, p);
        if (community.name() == null) {
            community = generic(GENERIC_COMMUNITY, s, p);
        }
        p = community.end();
        Parts parts = new Parts();
        parts.district = district.name();
        parts.town = town.name();
        parts.community = community.name();
        roadAndHouse(s.substring(p), parts);
        return parts.toAddress();
    }

    private void roadAndHouse(String rest, Parts parts) {
        int structure = firstStructure(rest);
        Matcher house = HOUSE.matcher(rest);
        if (house.find() && house.start() < structure) {
            parts.road = emptyToNull(rest.substring(0, house.start()));
            parts.number = number(house.group(1));
            if (parts.number != null && !house.group(2).equals("号")) {
                parts.compound = parts.number + "号院";
            }
            tail(rest.substring(house.end()), parts);
            return;
        }
        int roadEnd = lastRoadSuffixEnd(rest, structure);
        parts.road = roadEnd > 0 ? rest.substring(0, roadEnd) : null;
        tail(rest.substring(Math.max(roadEnd, 0)), parts);
    }

    /** Compound, building, unit and room after the house number: "富强家园3号楼2单元301室", "3-2-101". */
    private static void tail(String t, Parts parts) {
        if (t.isEmpty()) {
            return;
        }
        Matcher dashed = DASHED.matcher(t);
        if (dashed.matches()) {
            named(dashed.group(1), parts);
            parts.building = dashed.group(2);
            parts.unit = dashed.group(3);
            parts.room = dashed.group(4);
            return;
        }
        int at = 0;
        Matcher building = BUILDING.matcher(t);
        int unitAt = find(UNIT, t);
        if (building.find() && (unitAt < 0 || building.start() < unitAt)) {
            named(t.substring(0, building.start()), parts);
            parts.building = numberOrLetter(building.group(1));
            at = building.end();
        } else {
            String before = t.substring(0, unitAt < 0 ? t.length() : unitAt);
            if (unitAt < 0 && before.matches(NUM + "(室|户)?")) {
                at = 0;
            } else {
                Matcher trailing = TRAILING_BUILDING.matcher(before);
                if (trailing.matches() && trailing.group(1).codePoints().anyMatch(Character::isLetter)) {
                    named(trailing.group(1), parts);
                    parts.building = number(trailing.group(2));
                } else {
                    named(before, parts);
                }
                at = before.length();
            }
        }
        at = skipDashes(t, at);
        Matcher unit = UNIT.matcher(t);
        if (unit.find(at) && unit.start() == at) {
            parts.unit = number(unit.group(1));
            at = skipDashes(t, unit.end());
        }
        Matcher room = ROOM.matcher(t);
        room.region(at, t.length());
        if (at < t.length() && room.lookingAt()) {
            parts.room = number(room.group(1));
        }
    }

    private static int skipDashes(String t, int at) {
        while (at < t.length() && t.charAt(at) == '-') {
            at++;
        }
        return at;
    }

    private static void named(String text, Parts parts) {
        if (!text.isEmpty() && text.codePoints().anyMatch(Character::isLetter)) {
            parts.compound = text.endsWith("号院") && parts.number != null ? parts.number + "号院" : text;
        }
    }

    /** Where building or unit tokens begin; a "号" after them is a room, never a house number. */
    private static int firstStructure(String rest) {
        int b = find(BUILDING, rest);
        int u = find(UNIT, rest);
        int first = Integer.MAX_VALUE;
        first = b >= 0 ? Math.min(first, b) : first;
        return u >= 0 ? Math.min(first, u) : first;
    }

    private static int lastRoadSuffixEnd(String rest, int limit) {
        for (int end = Math.min(limit, rest.length()); end > 1; end--) {
            String head = rest.substring(0, end);
            if (RoadText.endsWithRoadSuffix(head)) {
                return end;
            }
        }
        return -1;
    }

    private static int find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.start() : -1;
    }

    /** What a name table took off the front, if the rest still makes sense without it. */
    private record Taken(String name, int end) {}

    /** 北京经济技术开发区 and 大兴国际机场 begin like a city or district prefix but are towns. */
    private boolean startsTown(String s, int from) {
        return !towns.matchesAt(s, from).isEmpty();
    }

    private static Taken take(NameTable table, String s, int from) {
        for (NameTable.Match m : table.matchesAt(s, from)) {
            if (leavesRoad(s.substring(m.end()))) {
                return new Taken(m.name(), m.end());
            }
        }
        return new Taken(null, from);
    }

    private static Taken generic(Pattern pattern, String s, int from) {
        Matcher m = pattern.matcher(s);
        m.region(from, s.length());
        if (m.lookingAt() && leavesRoad(s.substring(m.end()))) {
            return new Taken(m.group(1), m.end());
        }
        return new Taken(null, from);
    }

    /** False when the remainder would start with a bare "西路" or a house number with no road before it. */
    private static boolean leavesRoad(String rest) {
        Matcher house = HOUSE.matcher(rest);
        String head = house.find() && house.start() < firstStructure(rest) ? rest.substring(0, house.start()) : null;
        if (head != null) {
            return !head.isEmpty() && !RoadText.isBareSuffix(head);
        }
        for (String suffix : RoadText.ROAD_SUFFIXES) {
            for (String prefix : new String[] {"", "东", "西", "南", "北", "中"}) {
                if (rest.startsWith(prefix + suffix)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String number(String text) {
        OptionalInt n = ChineseNumbers.parse(text);
        return n.isPresent() ? Integer.toString(n.getAsInt()) : null;
    }

    private static String numberOrLetter(String text) {
        String n = number(text);
        return n != null ? n : text;
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) && name.length() > suffix.length() + 1
                ? name.substring(0, name.length() - suffix.length())
                : name;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static final class Parts {
        String district;
        String town;
        String community;
        String road;
        String number;
        String compound;
        String building;
        String unit;
        String room;

        StandardAddress toAddress() {
            return new StandardAddress(district, town, community, road, number, compound, building, unit, room);
        }
    }
}
