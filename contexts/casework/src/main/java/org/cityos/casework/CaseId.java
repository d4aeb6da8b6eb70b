package org.cityos.casework;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/** A case's identity: {@code cas_} and 16 characters of Crockford base32 (the human number is separate). */
public record CaseId(String value) {
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern SHAPE = Pattern.compile("cas_[0-9abcdefghjkmnpqrstvwxyz]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public CaseId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a case id: " + value);
        }
    }

    public static CaseId random() {
        char[] chars = new char[16];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        return new CaseId("cas_" + new String(chars));
    }

    public static Optional<CaseId> parse(String text) {
        return text == null || !SHAPE.matcher(text.strip()).matches()
                ? Optional.empty()
                : Optional.of(new CaseId(text.strip()));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
