package org.cityos.iot;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cityos.iot.internal.ingest.DeviceDirectory;
import org.cityos.iot.internal.ingest.InboundLog;
import org.cityos.iot.internal.ingest.IngestMetrics;

/**
 * The one door of every ingest edge (MQTT endpoint, external broker, HTTP, integrations): authenticates
 * device tokens, decides who may speak for whom, refuses what is too large, and hands the message to the
 * inbound log. The returned future completes when the message is durable; edges acknowledge on it.
 */
public class TelemetryIngest {
    private final InboundLog log;
    private final DeviceCredentials credentials;
    private final DeviceDirectory directory;
    private final IngestMetrics metrics;
    private final long maxPayload;

    public TelemetryIngest(
            InboundLog log,
            DeviceCredentials credentials,
            DeviceDirectory directory,
            IngestMetrics metrics,
            long maxPayload) {
        this.log = log;
        this.credentials = credentials;
        this.directory = directory;
        this.metrics = metrics;
        this.maxPayload = maxPayload;
    }

    /** The device behind a token, or empty (counted as a refusal on the channel). */
    public Optional<DeviceCredentialCheck> authenticate(IngestChannel channel, String token) {
        Optional<DeviceCredentialCheck> check = credentials.authenticate(token);
        if (check.isEmpty()) {
            metrics.refused(channel.name(), "credentials");
        }
        return check;
    }

    /** Whether {@code sender} may report for {@code subject}: itself, or a child registered behind it. */
    public boolean maySpeakFor(DeviceCredentialCheck sender, DeviceId subject) {
        return sender.deviceId().equals(subject) || directory.isChild(sender.deviceId(), subject);
    }

    /** The type of a device the sender may speak for (for messages about a child). */
    public Optional<String> typeOf(DeviceId device) {
        return directory.device(device).map(Device::typeCode);
    }

    public CompletableFuture<IngestOutcome> accept(InboundMessage message) {
        if (message.payload().length > maxPayload) {
            metrics.refused(message.channel().name(), "oversize");
            return CompletableFuture.failedFuture(new MessageTooLarge(maxPayload));
        }
        return log.append(message);
    }

    /** Counts a refusal made by an edge (topic spoofing, malformed frame …). */
    public void refused(IngestChannel channel, String reason) {
        metrics.refused(channel.name(), reason);
    }

    public long maxPayload() {
        return maxPayload;
    }

    public int backlog() {
        return log.backlog();
    }
}
