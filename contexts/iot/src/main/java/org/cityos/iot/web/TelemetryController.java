package org.cityos.iot.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.cityos.iot.DeviceSnapshot;
import org.cityos.iot.Telemetry;
import org.cityos.iot.TelemetryAggregation;
import org.cityos.iot.TelemetrySeries;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The public telemetry API: a property's readings over a time range, raw or downsampled
 * ({@code aggregation=avg&interval=PT5M}), and a device's latest state and reported attributes.
 */
@RestController
@RequestMapping(path = "/api/devices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
public class TelemetryController {
    private final Telemetry telemetry;

    public TelemetryController(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    @GetMapping("/telemetry")
    public TelemetrySeries series(
            Actor actor,
            @PathVariable String id,
            @RequestParam String property,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "none") String aggregation,
            @RequestParam(required = false) String interval,
            @RequestParam(defaultValue = "1000") int limit) {
        return telemetry.series(
                actor,
                DeviceParams.id(id),
                property,
                instant("from", from),
                instant("to", to),
                aggregation(aggregation),
                interval == null ? null : duration(interval),
                limit);
    }

    @GetMapping("/latest")
    public DeviceSnapshot latest(Actor actor, @PathVariable String id) {
        return telemetry.latest(actor, DeviceParams.id(id)).orElseThrow(() -> new NotFound("latest state", id));
    }

    @GetMapping("/attributes")
    public JsonNode attributes(Actor actor, @PathVariable String id) {
        return telemetry.attributes(actor, DeviceParams.id(id)).orElseThrow(() -> new NotFound("attributes", id));
    }

    static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "problem.instant", text);
        }
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("interval", "problem.duration", text);
        }
    }

    private static TelemetryAggregation aggregation(String text) {
        try {
            return TelemetryAggregation.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("aggregation", "problem.aggregation", text);
        }
    }
}
