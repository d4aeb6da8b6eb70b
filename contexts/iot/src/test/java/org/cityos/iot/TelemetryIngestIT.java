package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.iot.RegistryFixture.CITY;
import static org.cityos.iot.RegistryFixture.EAST_READER;
import static org.cityos.iot.RegistryFixture.ECOLOGY;
import static org.cityos.iot.RegistryFixture.IN_EAST;
import static org.cityos.iot.RegistryFixture.IN_SOUTH;
import static org.cityos.iot.RegistryFixture.STEWARD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cityos.kernel.PageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ingest path end to end below the edges: accept → batch store → query, receipts, dead letters, gateways. */
class TelemetryIngestIT {
    static RegistryFixture f;
    static TelemetryIngest ingest;
    static Telemetry telemetry;
    static DeadLetters letters;

    @BeforeAll
    static void start() {
        f = new RegistryFixture();
        ingest = f.context.getBean(TelemetryIngest.class);
        telemetry = f.context.getBean(Telemetry.class);
        letters = f.context.getBean(DeadLetters.class);
        f.context.getBean(TelemetryJobs.class).ensurePartitions();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static IngestOutcome send(Device d, MessageKind kind, String payload, String messageId) {
        InboundMessage m = InboundMessage.of(
                        d.id(), d.typeCode(), kind, IngestChannel.HTTP, utf8(payload), f.clock.instant())
                .withMessageId(messageId);
        return ingest.accept(m).join();
    }

    @Test
    void storedReadingsAreQueryableAndBecomeLatest() {
        Device d = register("air-micro-station", "T-1", IN_SOUTH, ECOLOGY);
        assertThat(send(d, MessageKind.TELEMETRY, "{\"pm25\": 35, \"pm10\": 80, \"temperature\": 3.5}", null))
                .isEqualTo(IngestOutcome.STORED);
        Instant now = f.clock.instant();
        TelemetrySeries s = telemetry.series(
                STEWARD,
                d.id(),
                "pm25",
                now.minusSeconds(60),
                now.plusSeconds(60),
                TelemetryAggregation.NONE,
                null,
                100);
        assertThat(s.points()).extracting(TelemetrySeries.Point::value).containsExactly(35.0);
        DeviceSnapshot latest = telemetry.latest(STEWARD, d.id()).orElseThrow();
        assertThat(latest.online()).isTrue();
        assertThat(latest.typeCode()).isEqualTo("air-micro-station");
        assertThat(latest.readings().get("pm10").value()).isEqualTo(80.0);
    }

    @Test
    void observersLookingAheadSeeEachMessageAsQueuedAndTheOthersOnlyWhatWasStored() {
        SeenReadings ahead = f.context.getBean("aheadObserver", SeenReadings.class);
        SeenReadings after = f.context.getBean("afterCommitObserver", SeenReadings.class);
        Device d = register("air-micro-station", "T-OBS", IN_SOUTH, ECOLOGY);
        assertThat(send(d, MessageKind.TELEMETRY, "{\"pm25\": 41}", "obs-1")).isEqualTo(IngestOutcome.STORED);
        assertThat(send(d, MessageKind.TELEMETRY, "{\"pm25\": 41}", "obs-1")).isEqualTo(IngestOutcome.DUPLICATE);
        assertThat(send(d, MessageKind.TELEMETRY, "{\"pm25\": 3", "obs-2")).isEqualTo(IngestOutcome.DEAD_LETTERED);
        assertThat(send(d, MessageKind.TELEMETRY, "{\"pm25\": 43}", "obs-3")).isEqualTo(IngestOutcome.STORED);
        assertThat(after.values(d.id(), "pm25"))
                .as("after the commit: what was stored")
                .containsExactly(41.0, 43.0);
        assertThat(ahead.values(d.id(), "pm25"))
                .as("ahead: every decoded message as it was queued, the repeated one too")
                .containsExactly(41.0, 41.0, 43.0);
    }

    @Test
    void aRepeatedMessageIdIsStoredOnce() {
        Device d = register("air-micro-station", "T-2", IN_SOUTH, ECOLOGY);
        assertThat(send(d, MessageKind.TELEMETRY, "{\"pm25\": 1}", "m-1")).isEqualTo(IngestOutcome.STORED);
        assertThat(send(d, MessageKind.TELEMETRY, "{\"pm25\": 2}", "m-1")).isEqualTo(IngestOutcome.DUPLICATE);
        assertThat(f.count("SELECT count(*) FROM iot_telemetry WHERE device_id = '" + d.id().value() + "'"))
                .isEqualTo(1);
        // Two copies inside one batch count once too.
        var a = ingest.accept(InboundMessage.of(
                        d.id(),
                        d.typeCode(),
                        MessageKind.TELEMETRY,
                        IngestChannel.HTTP,
                        utf8("{\"pm25\": 3}"),
                        f.clock.instant())
                .withMessageId("m-2"));
        var b = ingest.accept(InboundMessage.of(
                        d.id(),
                        d.typeCode(),
                        MessageKind.TELEMETRY,
                        IngestChannel.HTTP,
                        utf8("{\"pm25\": 3}"),
                        f.clock.instant())
                .withMessageId("m-2"));
        assertThat(List.of(a.join(), b.join()))
                .containsExactlyInAnyOrder(IngestOutcome.STORED, IngestOutcome.DUPLICATE);
        assertThat(f.count("SELECT count(*) FROM iot_telemetry WHERE device_id = '" + d.id().value() + "'"))
                .isEqualTo(2);
    }

    @Test
    void undecodableMessagesAreDeadLetteredWithTheirPayloadAndReason() {
        Device d = register("air-micro-station", "T-3", IN_SOUTH, ECOLOGY);
        assertThat(send(d, MessageKind.TELEMETRY, "{\"pm25\": 3", null)).isEqualTo(IngestOutcome.DEAD_LETTERED);
        var page = letters.list(STEWARD, "NEW", null, d.id(), PageRequest.of(0, 10));
        assertThat(page.items()).hasSize(1);
        DeadLetter letter = page.items().get(0);
        assertThat(letter.reasonCode()).isEqualTo("UNDECODABLE");
        assertThat(letter.payloadText()).isEqualTo("{\"pm25\": 3");
        assertThat(letter.channel()).isEqualTo(IngestChannel.HTTP);
        // Out of the reader's scope: neither listed nor readable.
        assertThat(letters.list(EAST_READER, null, null, d.id(), PageRequest.of(0, 10))
                        .items())
                .isEmpty();
        // Replaying without a fix fails again and keeps the letter open, counting the attempt.
        DeadLetters.Replay replay = letters.replay(STEWARD, letter.id());
        assertThat(replay.stored()).isFalse();
        assertThat(letters.get(STEWARD, letter.id()).attempts()).isEqualTo(2);
        DeadLetter discarded = letters.discard(STEWARD, letter.id(), "garbled by the vendor");
        assertThat(discarded.status()).isEqualTo("DISCARDED");
    }

    @Test
    void aGatewaySpeaksForItsChildrenOnlyAndAStrangersPartIsReplayableOnceRegistered() {
        Device gateway = register("gateway", "GW-1", IN_SOUTH, CITY);
        DeviceDraft childDraft = RegistryFixture.draft("rain-gauge", "RG-1", IN_SOUTH, CITY);
        Device child = f.devices.register(STEWARD, withParent(childDraft, gateway.id()), true);
        String payload = "{\"RG-1\": {\"precipitation\": 12.5}, \"RG-2\": {\"precipitation\": 3}}";
        assertThat(send(gateway, MessageKind.GATEWAY_TELEMETRY, payload, null)).isEqualTo(IngestOutcome.STORED);
        assertThat(telemetry
                        .latest(STEWARD, child.id())
                        .orElseThrow()
                        .readings()
                        .get("precipitation")
                        .value())
                .isEqualTo(12.5);
        DeadLetter stranger = letters.list(STEWARD, "NEW", "NOT_A_CHILD", gateway.id(), PageRequest.of(0, 10))
                .items()
                .get(0);
        assertThat(stranger.payloadText()).contains("RG-2");
        Device second = f.devices.register(
                STEWARD, withParent(RegistryFixture.draft("rain-gauge", "RG-2", IN_SOUTH, CITY), gateway.id()), true);
        f.context.getBean(org.cityos.iot.internal.ingest.DeviceDirectory.class).forget(gateway.id());
        assertThat(letters.replay(STEWARD, stranger.id()).stored()).isTrue();
        assertThat(telemetry
                        .latest(STEWARD, second.id())
                        .orElseThrow()
                        .readings()
                        .get("precipitation")
                        .value())
                .isEqualTo(3.0);
        assertThat(letters.get(STEWARD, stranger.id()).status()).isEqualTo("REPLAYED");
    }

    @Test
    void attributesAndEventsAreKeptAndEventsPublished() {
        Device d = register("elderly-emergency-button", "EB-1", IN_EAST, CITY);
        assertThat(send(d, MessageKind.ATTRIBUTES, "{\"firmware\": \"1.4.2\"}", null))
                .isEqualTo(IngestOutcome.STORED);
        assertThat(telemetry
                        .attributes(STEWARD, d.id())
                        .orElseThrow()
                        .path("firmware")
                        .asString())
                .isEqualTo("1.4.2");
        assertThat(send(d, MessageKind.EVENTS, "{\"name\": \"sos\", \"data\": {\"pressed\": 2}}", null))
                .isEqualTo(IngestOutcome.STORED);
        assertThat(f.events)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                DeviceEventReported.class,
                                r -> assertThat(r.name()).isEqualTo("sos")));
        assertThat(send(d, MessageKind.EVENTS, "{\"data\": {}}", null)).isEqualTo(IngestOutcome.DEAD_LETTERED);
    }

    @Test
    void anOversizedMessageIsRefusedBeforeItIsQueued() {
        Device d = register("air-micro-station", "T-4", IN_SOUTH, ECOLOGY);
        byte[] big = new byte[(int) ingest.maxPayload() + 1];
        var refused = ingest.accept(InboundMessage.of(
                d.id(), d.typeCode(), MessageKind.TELEMETRY, IngestChannel.HTTP, big, f.clock.instant()));
        assertThat(refused).isCompletedExceptionally();
    }

    @Test
    void silenceBeyondTheTypesIntervalMakesADeviceOfflineWithAnEvent() {
        Device d = register("noise-monitor", "N-1", IN_SOUTH, ECOLOGY);
        send(d, MessageKind.TELEMETRY, "{\"laeq\": 55}", null);
        var watch = f.context.getBean(org.cityos.iot.internal.ingest.HealthWatch.class);
        watch.runOnce();
        assertThat(f.count(
                        "SELECT count(*) FROM iot_device_latest WHERE online AND device_id = '" + d.id().value() + "'"))
                .isEqualTo(1);
        f.clock.advance(watch.offlineAfter("noise-monitor").plusSeconds(1));
        watch.runOnce();
        assertThat(telemetry.latest(STEWARD, d.id()).orElseThrow().online()).isFalse();
        assertThat(f.events)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DeviceHealthChanged.class, h -> {
                    assertThat(h.id()).isEqualTo(d.id().value());
                    assertThat(h.change()).isEqualTo("OFFLINE");
                }));
        assertThat(f.count("SELECT count(*) FROM iot_device_latest WHERE NOT online AND device_id = '" + d.id().value()
                        + "'"))
                .isEqualTo(1);
    }

    @Test
    void valueUpdatesAreWrittenAsATrickleWhileHealthChangesGoAtOnce() {
        var watch = f.context.getBean(org.cityos.iot.internal.ingest.HealthWatch.class);
        while (watch.runOnce() > 0) {
            // what earlier tests left waiting
        }
        List<Device> devices = List.of(
                register("soil-moisture", "TR-1", IN_SOUTH, ECOLOGY),
                register("soil-moisture", "TR-2", IN_SOUTH, ECOLOGY),
                register("soil-moisture", "TR-3", IN_SOUTH, ECOLOGY));
        devices.forEach(d -> send(d, MessageKind.TELEMETRY, "{\"soilMoisture\": 10}", null));
        // Coming online is a health change: all three are written although a run writes at most two updates.
        assertThat(watch.runOnce()).isEqualTo(3);
        devices.forEach(d -> send(d, MessageKind.TELEMETRY, "{\"soilMoisture\": 20}", null));
        assertThat(watch.runOnce()).isEqualTo(2);
        assertThat(watch.runOnce()).isEqualTo(1);
        assertThat(watch.runOnce()).isZero();
        assertThat(f.count("SELECT count(*) FROM iot_device_latest WHERE readings->'soilMoisture'->>'v' = '20.0'"))
                .isEqualTo(3);
    }

    @Test
    void anIntegrationWithoutAMappingOfItsOwnReadsWithTheDeviceTypesMapping() throws Exception {
        var json = new tools.jackson.databind.ObjectMapper();
        f.context
                .getBean(PayloadMappings.class)
                .put(
                        STEWARD,
                        "water-meter",
                        PayloadForm.MAPPED,
                        json.readTree("{\"properties\": [{\"path\": \"/meter/vol\", \"property\": \"volume\"}]}"));
        Device meter = register("water-meter", "WM-INT-1", IN_SOUTH, CITY);
        Integrations integrations = f.context.getBean(Integrations.class);
        IntegrationCredential created = integrations.create(
                STEWARD,
                new IntegrationDraft(
                        "运营商平台", "acme", null, null, "imei", Integration.DeviceKeyKind.SERIAL, null, true));
        List<IngestOutcome> outcomes = integrations
                .push(created.integration(), utf8("{\"imei\": \"WM-INT-1\", \"meter\": {\"vol\": 42.5}}"))
                .join();
        assertThat(outcomes).containsExactly(IngestOutcome.STORED);
        assertThat(telemetry
                        .latest(STEWARD, meter.id())
                        .orElseThrow()
                        .readings()
                        .get("volume")
                        .value())
                .isEqualTo(42.5);
    }

    static Device register(
            String type, String serial, org.cityos.kernel.GeoPoint at, org.cityos.kernel.DepartmentCode owner) {
        return f.devices.register(STEWARD, RegistryFixture.draft(type, serial, at, owner), true);
    }

    static DeviceDraft withParent(DeviceDraft d, DeviceId parent) {
        return new DeviceDraft(
                d.typeCode(),
                d.name(),
                d.vendor(),
                d.serial(),
                d.location(),
                d.address(),
                d.department(),
                d.maintainer(),
                d.installedOn(),
                d.state(),
                d.tags(),
                parent,
                d.sharedWith());
    }

    static Duration minutes(int n) {
        return Duration.ofMinutes(n);
    }
}
