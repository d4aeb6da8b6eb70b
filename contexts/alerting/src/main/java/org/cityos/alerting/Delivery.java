package org.cityos.alerting;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One notice of one alarm change to one channel, and how sending it went. Its id is the webhook's
 * {@code X-CityOS-Delivery} header and stays the same across retries.
 *
 * @param eventId the alarm event's id on the event bus: at most one delivery per event and channel
 * @param nextAttemptAt when a PENDING delivery is tried next (for SENDING: when a node that died mid-send is
 *     presumed gone and another may try again)
 */
public record Delivery(
        UUID id,
        UUID channelId,
        ChannelKind kind,
        UUID eventId,
        Channel.AlarmChange change,
        String alarmId,
        Severity severity,
        Status status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {

    /** Where a delivery stands. */
    public enum Status {
        /** Waiting for its first attempt or for a retry. */
        PENDING,
        /** A node is sending it now. */
        SENDING,
        DELIVERED,
        /** Refused by the receiver, or out of attempts; not tried again. */
        FAILED,
        /** Not sent on purpose, e.g. while the alarm flaps; {@code lastError} says why. */
        SKIPPED;

        public static Optional<Status> parse(String text) {
            try {
                return text == null
                        ? Optional.empty()
                        : Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
