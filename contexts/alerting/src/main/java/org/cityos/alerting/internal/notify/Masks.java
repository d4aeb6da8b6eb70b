package org.cityos.alerting.internal.notify;

import java.util.List;

/** How secrets and phone numbers look to someone who may not see them in full. */
public final class Masks {
    private Masks() {}

    /** 13812345678 → 138****5678; +8613812345678 → +86******5678. */
    public static String phone(String phone) {
        if (phone == null || phone.length() <= 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    public static List<String> phones(List<String> phones) {
        return phones.stream().map(Masks::phone).toList();
    }

    /** Only the last four characters stay, so an operator can tell which secret is set. */
    public static String secret(String secret) {
        if (secret == null || secret.isEmpty()) {
            return secret;
        }
        return secret.length() < 12 ? "********" : "********" + secret.substring(secret.length() - 4);
    }

    /** Phone numbers never contain {@code *}, so one that does is a mask. */
    public static boolean isMaskedPhone(String value) {
        return value != null && value.indexOf('*') >= 0;
    }

    public static boolean isMaskedSecret(String value) {
        return value != null && value.startsWith("********");
    }
}
