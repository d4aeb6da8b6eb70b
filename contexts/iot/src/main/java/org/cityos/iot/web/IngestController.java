package org.cityos.iot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cityos.http.Unauthenticated;
import org.cityos.iot.DeviceCredentialCheck;
import org.cityos.iot.DeviceId;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestChannel;
import org.cityos.iot.IngestOutcome;
import org.cityos.iot.MessageKind;
import org.cityos.iot.NotYourDevice;
import org.cityos.iot.PayloadForm;
import org.cityos.iot.TelemetryIngest;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Device ingest over HTTP, authenticated by the device's own token ({@code Authorization: Bearer cod_…}), not by
 * a user: telemetry (one reading set or an array of them — a batch — in any supported form), attributes,
 * events, a gateway's readings for its children, and the ThingsBoard HTTP device API with the token in the path.
 * An {@code Idempotency-Key} header (or {@code messageId}) makes a retried message or batch count once. The
 * response comes after the message is durable: 200 stored or duplicate, 202 kept as a dead letter.
 */
@RestController
public class IngestController {
    private final TelemetryIngest ingest;
    private final Clock clock;

    public IngestController(TelemetryIngest ingest, Clock clock) {
        this.ingest = ingest;
        this.clock = clock;
    }

    /** What happened to the message. */
    public record Receipt(String outcome) {}

    @PostMapping(path = "/api/ingest/telemetry", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> telemetry(
            HttpServletRequest request,
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String form,
            @RequestParam(required = false) String messageId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        DeviceCredentialCheck sender = sender(request);
        return accept(
                sender, sender.deviceId(), sender.typeCode(), MessageKind.TELEMETRY, body, form, id(key, messageId));
    }

    @PostMapping(path = "/api/ingest/devices/{deviceId}/telemetry", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> forDevice(
            HttpServletRequest request,
            @PathVariable String deviceId,
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String form,
            @RequestParam(required = false) String messageId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        DeviceCredentialCheck sender = sender(request);
        DeviceId subject = DeviceParams.id(deviceId);
        if (!ingest.maySpeakFor(sender, subject)) {
            ingest.refused(IngestChannel.HTTP, "spoofing");
            throw new NotYourDevice(deviceId);
        }
        String type = subject.equals(sender.deviceId())
                ? sender.typeCode()
                : ingest.typeOf(subject).orElseThrow(() -> new NotYourDevice(deviceId));
        return accept(sender, subject, type, MessageKind.TELEMETRY, body, form, id(key, messageId));
    }

    @PostMapping(path = "/api/ingest/attributes", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> attributes(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        DeviceCredentialCheck sender = sender(request);
        return accept(sender, sender.deviceId(), sender.typeCode(), MessageKind.ATTRIBUTES, body, null, null);
    }

    @PostMapping(path = "/api/ingest/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> events(
            HttpServletRequest request,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        DeviceCredentialCheck sender = sender(request);
        return accept(sender, sender.deviceId(), sender.typeCode(), MessageKind.EVENTS, body, null, id(key, null));
    }

    @PostMapping(path = "/api/ingest/gateway/telemetry", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> gateway(
            HttpServletRequest request,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        DeviceCredentialCheck sender = sender(request);
        return accept(
                sender, sender.deviceId(), sender.typeCode(), MessageKind.GATEWAY_TELEMETRY, body, null, id(key, null));
    }

    /** ThingsBoard's HTTP device API: the token is in the path. */
    @PostMapping(path = "/api/v1/{token}/{what}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Receipt> thingsBoard(
            @PathVariable String token, @PathVariable String what, @RequestBody(required = false) byte[] body) {
        DeviceCredentialCheck sender =
                ingest.authenticate(IngestChannel.HTTP, token).orElseThrow(Unauthenticated::new);
        MessageKind kind = switch (what) {
            case "telemetry" -> MessageKind.TELEMETRY;
            case "attributes" -> MessageKind.ATTRIBUTES;
            default -> throw InvalidInput.of("path", "problem.ingest-path", what);
        };
        return accept(sender, sender.deviceId(), sender.typeCode(), kind, body, null, null);
    }

    private ResponseEntity<Receipt> accept(
            DeviceCredentialCheck sender,
            DeviceId subject,
            String typeCode,
            MessageKind kind,
            byte[] body,
            String form,
            String messageId) {
        if (body == null || body.length == 0) {
            ingest.refused(IngestChannel.HTTP, "empty");
            throw InvalidInput.of("body", "validation.required");
        }
        InboundMessage message = new InboundMessage(
                subject, typeCode, kind, IngestChannel.HTTP, form(form), body, clock.instant(), messageId, null, null);
        IngestOutcome outcome = await(ingest.accept(message));
        return ResponseEntity.status(outcome == IngestOutcome.DEAD_LETTERED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new Receipt(outcome.name()));
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private DeviceCredentialCheck sender(HttpServletRequest request) {
        return ingest.authenticate(IngestChannel.HTTP, BearerToken.of(request)).orElseThrow(Unauthenticated::new);
    }

    static PayloadForm form(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PayloadForm.valueOf(
                    text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("form", "problem.payload-form", text);
        }
    }

    private static String id(String header, String param) {
        String id = header != null ? header : param;
        if (id == null) {
            return null;
        }
        if (id.isBlank() || id.length() > 100) {
            throw InvalidInput.of("Idempotency-Key", "validation.too-long", 100);
        }
        return id;
    }
}
