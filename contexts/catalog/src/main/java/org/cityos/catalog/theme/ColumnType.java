package org.cityos.catalog.theme;

import java.util.Locale;

/** What a source column holds, as far as a spec cares: which operators, buckets and aggregates fit it. */
public enum ColumnType {
    TEXT,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    DATE,
    /** Anything else (geometry, JSON, arrays): it may be put out and counted, not compared or summed. */
    OTHER;

    /** The type of a column by its {@code information_schema.columns.data_type}. */
    public static ColumnType ofSql(String dataType) {
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "text", "character varying", "character", "name" -> TEXT;
            case "smallint", "integer", "bigint", "numeric", "real", "double precision" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "timestamp with time zone", "timestamp without time zone" -> TIMESTAMP;
            case "date" -> DATE;
            default -> OTHER;
        };
    }

    boolean temporal() {
        return this == TIMESTAMP || this == DATE;
    }

    boolean ordered() {
        return this != BOOLEAN && this != OTHER;
    }
}
