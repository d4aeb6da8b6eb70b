package org.cityos.catalog;

import java.util.Locale;

/** A catalogue vocabulary value with the Chinese label GB/T 21063 uses; files may name it either way. */
public interface Labelled {
    String name();

    String label();

    /** The value whose name (any case) or Chinese label is {@code text}; null when none is. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(t.toUpperCase(Locale.ROOT).replace('-', '_'))
                    || value.label().equals(t)) {
                return value;
            }
        }
        return null;
    }
}
