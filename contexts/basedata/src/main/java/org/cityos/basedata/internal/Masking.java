package org.cityos.basedata.internal;

/** How base data looks to someone not allowed to see a field group in full. */
public final class Masking {
    private Masking() {}

    /** 张三 → 张*, 欧阳小明 → 欧**明. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    /** 110115199001011234 → 110115********1234; anything else keeps its last four characters. */
    public static String idNumber(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        if (id.length() == 18) {
            return id.substring(0, 6) + "********" + id.substring(14);
        }
        return id.length() <= 4 ? "****" : "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
    }

    /** 13812345678 → 138****5678. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (phone.length() == 11 && phone.startsWith("1")) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        return phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }

    /**
     * The district and town stay (they say where a record belongs, which scope already reveals); the
     * road, the number and the door are hidden: 北京市大兴区旧宫镇旧宫西路88号 → 北京市大兴区旧宫镇****.
     */
    public static String address(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        int cut = -1;
        for (String end : new String[] {"街道", "地区", "镇", "乡"}) {
            int at = text.indexOf(end);
            if (at >= 0 && (cut < 0 || at + end.length() < cut)) {
                cut = at + end.length();
            }
        }
        if (cut < 0 && text.indexOf('区') >= 0) {
            cut = text.indexOf('区') + 1;
        }
        if (cut < 0 || cut >= text.length()) {
            cut = Math.min(text.codePointCount(0, text.length()) / 3, 6);
            cut = text.offsetByCodePoints(0, cut);
        }
        return text.substring(0, cut) + "****";
    }

    /** 1990-01-01 → 1990-**-**: the year alone says the age group, not the person. */
    public static String birthDate(String isoDate) {
        if (isoDate == null || isoDate.length() < 4) {
            return isoDate;
        }
        return isoDate.substring(0, 4) + "-**-**";
    }
}
