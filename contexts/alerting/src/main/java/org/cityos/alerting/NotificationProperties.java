package org.cityos.alerting;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alarm notifications ({@code cityos.alerting.notify.*}). Null means the default.
 *
 * @param scheduled whether this node dispatches due deliveries by itself (tests call the dispatcher instead)
 * @param dispatchInterval how often due deliveries are looked for
 * @param batchSize deliveries claimed per look
 * @param senders deliveries sent at once by one node
 * @param backoff the waits after the 1st, 2nd, … failed attempt; the last one repeats
 * @param maxAttempts attempts after which a delivery is FAILED
 * @param lease how long a claimed delivery belongs to the node sending it; after that (the node died) another
 *     node may try again
 * @param connectTimeout connecting to a webhook or an SMS gateway
 * @param requestTimeout a whole webhook or SMS gateway request
 * @param flapSettle a flapping alarm counts as settled after this long without any change; notices resume
 * @param retention how long finished deliveries are kept
 * @param mailFrom the sender address of notification e-mails
 * @param stream the live alarm stream
 * @param sms HTTP SMS gateways by name
 */
@ConfigurationProperties("cityos.alerting.notify")
public record NotificationProperties(
        Boolean scheduled,
        Duration dispatchInterval,
        Integer batchSize,
        Integer senders,
        List<Duration> backoff,
        Integer maxAttempts,
        Duration lease,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration flapSettle,
        Duration retention,
        String mailFrom,
        Stream stream,
        Map<String, HttpSms> sms) {

    public NotificationProperties {
        scheduled = scheduled == null || scheduled;
        dispatchInterval = orDefault(dispatchInterval, Duration.ofSeconds(1));
        batchSize = batchSize == null ? 20 : batchSize;
        senders = senders == null ? 4 : senders;
        backoff = backoff == null || backoff.isEmpty()
                ? List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1))
                : List.copyOf(backoff);
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        lease = orDefault(lease, Duration.ofMinutes(2));
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(5));
        requestTimeout = orDefault(requestTimeout, Duration.ofSeconds(10));
        flapSettle = orDefault(flapSettle, Duration.ofMinutes(30));
        retention = orDefault(retention, Duration.ofDays(30));
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "cityos-alerts@localhost" : mailFrom.strip();
        stream = stream == null ? new Stream(null, null, null, null) : stream;
        sms = sms == null ? Map.of() : Map.copyOf(sms);
        if (batchSize < 1 || senders < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("cityos.alerting.notify: batch-size, senders and max-attempts ≥ 1");
        }
        for (Duration d : backoff) {
            positive("backoff", d);
        }
        positive("dispatch-interval", dispatchInterval);
        positive("lease", lease);
        if (lease.compareTo(requestTimeout.plus(connectTimeout)) <= 0) {
            // Otherwise a slow but live send could be taken over by another node and sent twice.
            throw new IllegalArgumentException("cityos.alerting.notify.lease must exceed connect + request timeout");
        }
    }

    public static NotificationProperties defaults() {
        return new NotificationProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based). */
    public Duration backoffAfter(int attempt) {
        return backoff.get(Math.min(Math.max(attempt, 1), backoff.size()) - 1);
    }

    /**
     * The live stream {@code GET /api/alerting/stream}.
     *
     * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
     * @param buffer events waiting per subscriber; a subscriber that falls further behind is dropped
     * @param poll how often a node looks for new alarm events to push (every node pushes to its own clients)
     * @param keep how long pushed events stay in the shared feed table
     */
    public record Stream(Duration heartbeat, Integer buffer, Duration poll, Duration keep) {
        public Stream {
            heartbeat = orDefault(heartbeat, Duration.ofSeconds(15));
            buffer = buffer == null ? 256 : buffer;
            poll = orDefault(poll, Duration.ofMillis(500));
            keep = orDefault(keep, Duration.ofMinutes(10));
            positive("stream.heartbeat", heartbeat);
            positive("stream.poll", poll);
            if (buffer < 1) {
                throw new IllegalArgumentException("cityos.alerting.notify.stream.buffer must be at least 1");
            }
        }
    }

    /**
     * An SMS gateway reached by one HTTP request per message.
     *
     * @param url where the request goes
     * @param bodyTemplate the request body; {@code {phones}} becomes the numbers joined by commas, {@code
     *     {phoneArray}} a JSON array of them, {@code {text}} the message (all JSON-escaped)
     * @param contentType of the body; default {@code application/json}
     * @param headers extra request headers, e.g. an API token
     * @param successPattern when set, a 2xx answer counts only if its body contains a match (APIs that answer 200
     *     with an error code inside)
     */
    public record HttpSms(
            URI url, String bodyTemplate, String contentType, Map<String, String> headers, String successPattern) {
        public HttpSms {
            if (url == null || bodyTemplate == null || bodyTemplate.isBlank()) {
                throw new IllegalArgumentException("an HTTP SMS gateway needs url and body-template");
            }
            contentType = contentType == null || contentType.isBlank() ? "application/json" : contentType;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("cityos.alerting.notify." + key + " must be positive, got " + d);
        }
    }
}
