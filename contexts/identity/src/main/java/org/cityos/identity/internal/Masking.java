package org.cityos.identity.internal;

/** How personal data looks to someone without the permission to see it in full. */
public final class Masking {
    private Masking() {}

    /** 13812345678 → 138****5678; landlines keep their last four digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (phone.length() == 11 && phone.startsWith("1")) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        return phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }

    /** 张三 → 张*, 欧阳小明 → 欧**明, John Smith → J********h. */
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

    /** user@example.org → u***@example.org. */
    public static String email(String email) {
        if (email == null || email.isEmpty()) {
            return email;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
