package org.cityos.alerting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/** An alarm's identity: {@code alm_} and 16 characters of Crockford base32. */
public record AlarmId(String value) {
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern SHAPE = Pattern.compile("alm_[0-9abcdefghjkmnpqrstvwxyz]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public AlarmId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an alarm id: " + value);
        }
    }

    public static AlarmId random() {
        char[] chars = new char[16];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        return new AlarmId("alm_" + new String(chars));
    }

    public static Optional<AlarmId> parse(String text) {
        return text == null || !SHAPE.matcher(text.strip()).matches()
                ? Optional.empty()
                : Optional.of(new AlarmId(text.strip()));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
