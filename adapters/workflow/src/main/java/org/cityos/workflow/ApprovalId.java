package org.cityos.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** An approval's identity: {@code apr_} and 16 lower-case hex digits. */
public record ApprovalId(String value) {
    private static final Pattern SHAPE = Pattern.compile("apr_[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApprovalId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an approval id: " + value);
        }
    }

    public static ApprovalId random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new ApprovalId("apr_" + HexFormat.of().formatHex(bytes));
    }

    public static Optional<ApprovalId> parse(String text) {
        return text == null || !SHAPE.matcher(text.strip()).matches()
                ? Optional.empty()
                : Optional.of(new ApprovalId(text.strip()));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
