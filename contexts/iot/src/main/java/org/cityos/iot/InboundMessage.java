package org.cityos.iot;

import java.time.Instant;
import java.util.Objects;

/**
 * One message as it arrived, before normalisation: the authenticated sender, the raw bytes, and — when the
 * edge already knows it cannot be stored (unknown device behind an integration) — the rejection to
 * dead-letter it with.
 *
 * @param device the device the message is about; null only with a rejection
 * @param typeCode that device's type, or null with a rejection
 * @param form the payload form if the edge knows it; null = detect
 * @param messageId the sender's idempotency key (message or batch id), or null
 * @param integrationId the platform integration that pushed it, or null
 * @param rejection why it is dead-lettered without decoding, or null
 */
public record InboundMessage(
        DeviceId device,
        String typeCode,
        MessageKind kind,
        IngestChannel channel,
        PayloadForm form,
        byte[] payload,
        Instant receivedAt,
        String messageId,
        String integrationId,
        Rejection rejection) {

    public InboundMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (device == null && rejection == null) {
            throw new IllegalArgumentException("a message without a device must carry its rejection");
        }
    }

    public static InboundMessage of(
            DeviceId device, String typeCode, MessageKind kind, IngestChannel channel, byte[] payload, Instant at) {
        return new InboundMessage(device, typeCode, kind, channel, null, payload, at, null, null, null);
    }

    public InboundMessage withMessageId(String id) {
        return new InboundMessage(
                device, typeCode, kind, channel, form, payload, receivedAt, id, integrationId, rejection);
    }

    public InboundMessage withForm(PayloadForm f) {
        return new InboundMessage(
                device, typeCode, kind, channel, f, payload, receivedAt, messageId, integrationId, rejection);
    }

    /** A reason known before decoding; {@code code} is stable (UNKNOWN_DEVICE, NOT_A_CHILD …), text is English. */
    public record Rejection(String code, String reason) {}
}
