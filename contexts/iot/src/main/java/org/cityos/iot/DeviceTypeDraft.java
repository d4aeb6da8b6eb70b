package org.cityos.iot;

import java.util.List;

/**
 * A device type as a caller writes it. Data types are plain text here so that an unknown one becomes a
 * field error ({@code properties[2].dataType}) rather than an unreadable request.
 */
public record DeviceTypeDraft(
        String code,
        String nameZh,
        String nameEn,
        String domain,
        String componentClass,
        String smartDataModel,
        Boolean gateway,
        List<PropertyDraft> properties,
        List<CommandDraft> commands) {

    public DeviceTypeDraft {
        properties = properties == null ? List.of() : properties;
        commands = commands == null ? List.of() : commands;
    }

    /** A property as written by the caller. */
    public record PropertyDraft(
            String name,
            String unit,
            String dataType,
            Double min,
            Double max,
            List<String> values,
            Integer reportingIntervalSeconds,
            String modelAttribute) {}

    /** A command as written by the caller. */
    public record CommandDraft(String name, List<ParameterDraft> parameters) {}

    /** A command parameter as written by the caller; {@code required} defaults to true. */
    public record ParameterDraft(
            String name, String dataType, Double min, Double max, List<String> values, Boolean required) {}
}
