package org.cityos.catalog;

/**
 * The person to ask about a resource. Personal data: shown masked unless the reader may and asks to unmask.
 *
 * @param masked true when name and phone are shown masked
 */
public record Contact(String name, String phone, boolean masked) {
    /** The contact as anyone with catalogue access sees it: surname only, phone with its middle hidden. */
    public Contact hidden() {
        if (masked) {
            return this;
        }
        return new Contact(maskName(name), maskPhone(phone), true);
    }

    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
