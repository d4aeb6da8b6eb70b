package org.cityos.alerting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/** A rule's identity: {@code rul_} and 16 characters of Crockford base32. */
public record RuleId(String value) {
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern SHAPE = Pattern.compile("rul_[0-9abcdefghjkmnpqrstvwxyz]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public RuleId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a rule id: " + value);
        }
    }

    public static RuleId random() {
        char[] chars = new char[16];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        return new RuleId("rul_" + new String(chars));
    }

    public static Optional<RuleId> parse(String text) {
        return text == null || !SHAPE.matcher(text.strip()).matches()
                ? Optional.empty()
                : Optional.of(new RuleId(text.strip()));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
