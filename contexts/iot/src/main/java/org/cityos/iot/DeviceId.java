package org.cityos.iot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device's identity: {@code dev_} followed by 20 characters of Crockford base32 (100 random bits).
 * It encodes nothing that can change — not the type, place, owner or vendor — so it survives every
 * move, handover and re-typing; the vendor's serial is kept beside it as an alias.
 */
public record DeviceId(String value) {
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern SHAPE = Pattern.compile("dev_[0-9abcdefghjkmnpqrstvwxyz]{20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public DeviceId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a device id: " + value);
        }
    }

    public static DeviceId random() {
        char[] chars = new char[20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        return new DeviceId("dev_" + new String(chars));
    }

    /** Empty when {@code text} is not a device id, so callers can answer 400 instead of failing. */
    public static Optional<DeviceId> parse(String text) {
        if (text == null || !SHAPE.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceId(text.strip()));
    }

    /** Written as the plain id in JSON. */
    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
