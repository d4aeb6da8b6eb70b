package org.cityos.iot;

import java.util.List;
import org.cityos.iot.internal.normalise.MappingReader;
import org.cityos.iot.internal.normalise.MappingRules;
import tools.jackson.databind.JsonNode;

/**
 * How to read a vendor's payload without code: where the time is and how it is written, where an array
 * of samples is, and which value becomes which property in which unit. Configured per device type or
 * device as JSON; the schema is in {@code docs/payloads.md}.
 *
 * @param timestamp where the time is; null means the receipt time (or a {@code ts} column in CSV)
 * @param items path of an array whose elements are samples; null when the payload is one sample
 * @param properties the value rules; paths are relative to a sample
 * @param csv settings for CSV payloads, or null
 */
public record PayloadMapping(Timestamp timestamp, String items, List<Rule> properties, Csv csv) {
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    public PayloadMapping {
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    /**
     * The time of a sample.
     *
     * @param path JSON Pointer ({@code /data/ts}) or dotted path ({@code data.ts}); in CSV a column name
     * @param format {@code EPOCH_MILLIS}, {@code EPOCH_SECONDS}, {@code ISO}, a {@code DateTimeFormatter} pattern
     *     such as {@code yyyy-MM-dd HH:mm:ss}, or null to recognise epoch numbers and ISO-8601 by themselves
     * @param zone the zone of local times without offset
     */
    public record Timestamp(String path, String format, String zone) {}

    /**
     * One value: {@code property = (valueAt(path) * scale + offset)} in {@code unit}, converted to the property's unit.
     *
     * @param unit the unit the device writes; null means the property's own unit
     */
    public record Rule(String path, String property, String unit, double scale, double offset) {}

    /**
     * CSV settings.
     *
     * @param columns column names in order; may be empty when {@code header} is true
     * @param delimiter one character
     * @param header whether the first line names the columns
     */
    public record Csv(List<String> columns, String delimiter, boolean header) {
        public Csv {
            columns = columns == null ? List.of() : List.copyOf(columns);
            delimiter = delimiter == null ? "," : delimiter;
        }
    }

    /** Reads a mapping written as JSON. @throws InvalidInput with one field issue per broken rule */
    public static PayloadMapping parse(JsonNode json) {
        return MappingReader.read(json);
    }

    /**
     * Checks that this mapping fits a device type: every property exists, every unit is known and converts
     * to the property's unit. @throws InvalidInput with field issues such as {@code properties[2].unit}
     */
    public void check(DeviceType type) {
        MappingRules.check(this, type);
    }
}
