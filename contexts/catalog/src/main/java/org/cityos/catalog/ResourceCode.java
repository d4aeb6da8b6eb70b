package org.cityos.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource's catalogue code by class–item–entry plus a serial, {@code C-II-EEE-SSSS}: class 1 基础信息资源,
 * 2 主题信息资源, 3 部门信息资源; item (项) 01–99, entry (目) 001–999, serial 0001–9999 within the entry. The
 * prefix {@code C-II-EEE} places the resource in the catalogue tree; the whole code is unique.
 */
public record ResourceCode(String value) {
    private static final Pattern SHAPE = Pattern.compile("([1-3])-(\\d{2})-(\\d{3})-(\\d{4})");

    public ResourceCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a catalogue code: " + value);
        }
    }

    /** True for a well-formed code whose item, entry and serial are not all zeros. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        Matcher m = SHAPE.matcher(value);
        return m.matches()
                && Integer.parseInt(m.group(2)) > 0
                && Integer.parseInt(m.group(3)) > 0
                && Integer.parseInt(m.group(4)) > 0;
    }

    /** 1 basic, 2 thematic, 3 departmental. */
    public int resourceClass() {
        return value.charAt(0) - '0';
    }

    @Override
    public String toString() {
        return value;
    }
}
