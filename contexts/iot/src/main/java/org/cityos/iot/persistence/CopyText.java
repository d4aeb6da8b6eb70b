package org.cityos.iot.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A reusable byte buffer holding rows in PostgreSQL's COPY text format. Escapes what the format needs
 * (backslash, tab, newline, carriage return) so that any property name or text a device sends stays one field.
 */
final class CopyText {
    private byte[] bytes = new byte[1 << 16];
    private int size;

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    CopyText text(String s) {
        if (s == null) {
            return raw("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> raw("\\\\");
                case '\t' -> raw("\\t");
                case '\n' -> raw("\\n");
                case '\r' -> raw("\\r");
                default -> {
                    if (c < 0x80) {
                        ensure(1);
                        bytes[size++] = (byte) c;
                    } else {
                        int end = i + 1;
                        if (Character.isHighSurrogate(c) && end < s.length()) {
                            end++;
                        }
                        raw(s.substring(i, end));
                        i = end - 1;
                    }
                }
            }
        }
        return this;
    }

    CopyText number(double d) {
        return Double.isNaN(d) ? raw("\\N") : ascii(Double.toString(d));
    }

    CopyText integer(long n) {
        return ascii(Long.toString(n));
    }

    /**
     * Readings of one message share their time and receipt time, so the last two instants written are kept
     * formatted: formatting an instant costs more than the rest of a row.
     */
    CopyText instant(Instant at) {
        if (at.equals(lastInstant)) {
            return ascii(lastText);
        }
        if (at.equals(otherInstant)) {
            return ascii(otherText);
        }
        otherInstant = lastInstant;
        otherText = lastText;
        lastInstant = at;
        lastText = at.toString();
        return ascii(lastText);
    }

    private Instant lastInstant;
    private String lastText;
    private Instant otherInstant;
    private String otherText;

    CopyText tab() {
        ensure(1);
        bytes[size++] = '\t';
        return this;
    }

    CopyText newline() {
        ensure(1);
        bytes[size++] = '\n';
        return this;
    }

    private CopyText ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    private CopyText raw(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
