package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.iot.RegistryFixture.CITY;
import static org.cityos.iot.RegistryFixture.IN_SOUTH;
import static org.cityos.iot.RegistryFixture.STEWARD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.cityos.iot.internal.ingest.HealthWatch;
import org.cityos.iot.persistence.TelemetryPartitions;
import org.cityos.iot.persistence.TelemetryRollups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The telemetry store's jobs driven by hand with a controlled clock: partitions ahead and strays moved out of the
 * default partition, rollups with exact numbers (late readings included once), the series source switch, and
 * retention. Retention moves the clock days ahead, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryStoreIT {
    static RegistryFixture f;
    static TelemetryIngest ingest;
    static Telemetry telemetry;
    static TelemetryPartitions partitions;
    static TelemetryJobs jobs;

    @BeforeAll
    static void start() {
        f = new RegistryFixture();
        ingest = f.context.getBean(TelemetryIngest.class);
        telemetry = f.context.getBean(Telemetry.class);
        partitions = f.context.getBean(TelemetryPartitions.class);
        // Bound from the keys an operator writes, so the key names are part of what is tested.
        TelemetryProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "cityos.iot.telemetry.scheduled", "false",
                        "cityos.iot.telemetry.retention", "30d",
                        "cityos.iot.telemetry.retention-by-type.noise-monitor", "3d",
                        "cityos.iot.telemetry.receipt-retention", "7d")))
                .bind("cityos.iot.telemetry", TelemetryProperties.class)
                .get();
        assertThat(properties.retentionOf("noise-monitor")).isEqualTo(Duration.ofDays(3));
        jobs = new TelemetryJobs(
                partitions,
                f.context.getBean(TelemetryRollups.class),
                f.context.getBean(HealthWatch.class),
                f.context.getBean(DeviceCommands.class),
                f.types,
                properties,
                f.clock);
        jobs.ensurePartitions();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Device device(String type, String serial) {
        return f.devices.register(STEWARD, RegistryFixture.draft(type, serial, IN_SOUTH, CITY), true);
    }

    /** One message of timestamped readings ({@code [{ts, values}]}), received now. */
    static IngestOutcome send(Device d, String property, String messageId, Object... atAndValue) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < atAndValue.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"ts\": ")
                    .append(((Instant) atAndValue[i]).toEpochMilli())
                    .append(", \"values\": {\"")
                    .append(property)
                    .append("\": ")
                    .append(atAndValue[i + 1])
                    .append("}}");
        }
        InboundMessage m = InboundMessage.of(
                        d.id(),
                        d.typeCode(),
                        MessageKind.TELEMETRY,
                        IngestChannel.HTTP,
                        json.append(']').toString().getBytes(StandardCharsets.UTF_8),
                        f.clock.instant())
                .withMessageId(messageId);
        return ingest.accept(m).join();
    }

    static long rows(String table, Device d) {
        return f.count("SELECT count(*) FROM " + table + " WHERE device_id = '" + d.id().value() + "'");
    }

    static LocalDate today() {
        return LocalDate.ofInstant(f.clock.instant(), ZoneOffset.UTC);
    }

    @Test
    @Order(1)
    void partitionsAreCreatedAheadAndAStrayDayIsMovedOutOfTheDefaultPartition() {
        LocalDate today = today();
        assertThat(partitions.days())
                .contains(today.minusDays(1), today, today.plusDays(1), today.plusDays(2))
                .doesNotContain(today.plusDays(3));
        jobs.ensurePartitions();
        assertThat(partitions.days()).doesNotHaveDuplicates();

        Device d = device("rain-gauge", "TS-P-1");
        Instant now = f.clock.instant();
        Instant longAgo = now.minus(Duration.ofDays(14));
        assertThat(send(d, "precipitation", null, now, 1.5, longAgo, 2.5)).isEqualTo(IngestOutcome.STORED);
        String day = "iot_telemetry_p" + today.toString().replace("-", "");
        assertThat(rows(day, d)).isEqualTo(1);
        assertThat(rows("iot_telemetry_default", d)).isEqualTo(1);

        LocalDate strayDay = LocalDate.ofInstant(longAgo, ZoneOffset.UTC);
        assertThat(partitions.ensure(strayDay)).isTrue();
        assertThat(rows("iot_telemetry_default", d)).isZero();
        assertThat(rows("iot_telemetry_p" + strayDay.toString().replace("-", ""), d))
                .isEqualTo(1);
        assertThat(partitions.ensure(strayDay)).isFalse();
        // Nothing lost or doubled by the move, and still queryable.
        assertThat(telemetry
                        .series(
                                STEWARD,
                                d.id(),
                                "precipitation",
                                longAgo.minusSeconds(1),
                                now.plusSeconds(1),
                                TelemetryAggregation.NONE,
                                null,
                                10)
                        .points())
                .extracting(TelemetrySeries.Point::value)
                .containsExactly(2.5, 1.5);
    }

    record Bucket(long n, double total, double lo, double hi) {}

    static Bucket bucket(String table, Device d, Instant at) {
        return f.jdbc.sql("SELECT n, total, lo, hi FROM " + table + " WHERE device_id = ? AND property = ? AND"
                        + " bucket = ?")
                .params(d.id().value(), "precipitation", java.sql.Timestamp.from(at))
                .query((rs, i) -> new Bucket(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
                .single();
    }

    @Test
    @Order(2)
    void rollupsHoldExactNumbersAndALateReadingJoinsItsOldBucketOnce() {
        Device d = device("rain-gauge", "TS-R-1");
        Instant hour = f.clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        Instant minute = hour.plus(Duration.ofMinutes(10));
        send(
                d,
                "precipitation",
                null,
                minute.plusSeconds(5),
                1.0,
                minute.plusSeconds(40),
                3.0,
                minute.plusSeconds(70),
                10.0,
                hour.plus(Duration.ofMinutes(40)),
                5.0);
        // Inside the lateness window nothing is rolled up yet: a commit may still be on its way.
        jobs.rollUp();
        assertThat(rows("iot_telemetry_1m", d)).isZero();
        f.clock.advance(Duration.ofSeconds(31));
        jobs.rollUp();
        assertThat(bucket("iot_telemetry_1m", d, minute)).isEqualTo(new Bucket(2, 4.0, 1.0, 3.0));
        assertThat(bucket("iot_telemetry_1m", d, minute.plusSeconds(60))).isEqualTo(new Bucket(1, 10.0, 10.0, 10.0));
        assertThat(bucket("iot_telemetry_1m", d, hour.plus(Duration.ofMinutes(40))))
                .isEqualTo(new Bucket(1, 5.0, 5.0, 5.0));
        assertThat(bucket("iot_telemetry_1h", d, hour)).isEqualTo(new Bucket(4, 19.0, 1.0, 10.0));

        // Running again adds nothing.
        f.clock.advance(Duration.ofMinutes(5));
        jobs.rollUp();
        assertThat(bucket("iot_telemetry_1h", d, hour)).isEqualTo(new Bucket(4, 19.0, 1.0, 10.0));

        // A reading received now for the old minute lands in that minute on the next run, counted once.
        send(d, "precipitation", null, minute.plusSeconds(20), 7.0);
        f.clock.advance(Duration.ofSeconds(31));
        jobs.rollUp();
        jobs.rollUp();
        assertThat(bucket("iot_telemetry_1m", d, minute)).isEqualTo(new Bucket(3, 11.0, 1.0, 7.0));
        assertThat(bucket("iot_telemetry_1h", d, hour)).isEqualTo(new Bucket(5, 26.0, 1.0, 10.0));
    }

    static TelemetrySeries series(Device d, Instant from, Instant to, TelemetryAggregation agg, Duration step) {
        return telemetry.series(STEWARD, d.id(), "precipitation", from, to, agg, step, 1000);
    }

    static List<String> numbers(TelemetrySeries s) {
        return s.points().stream()
                .map(p -> p.at() + "=" + p.value() + "/" + p.count())
                .toList();
    }

    @Test
    @Order(3)
    void aSeriesReadsTheRollupsWhenTheyCoverTheRangeWithTheSameNumbersAsRaw() {
        Device d = device("rain-gauge", "TS-S-1");
        Instant hour = f.clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        send(
                d,
                "precipitation",
                null,
                hour.plusSeconds(65),
                2.0,
                hour.plusSeconds(100),
                4.0,
                hour.plus(Duration.ofMinutes(30)),
                9.0,
                hour.plus(Duration.ofMinutes(59)),
                1.0);
        Instant from = hour;
        Instant to = hour.plus(Duration.ofHours(1));
        TelemetrySeries before = series(d, from, to, TelemetryAggregation.AVG, Duration.ofHours(1));
        assertThat(before.source()).isEqualTo("raw");

        f.clock.advance(Duration.ofHours(2));
        jobs.rollUp();
        for (TelemetryAggregation agg : List.of(
                TelemetryAggregation.AVG,
                TelemetryAggregation.SUM,
                TelemetryAggregation.MIN,
                TelemetryAggregation.MAX,
                TelemetryAggregation.COUNT)) {
            TelemetrySeries hourly = series(d, from, to, agg, Duration.ofHours(1));
            assertThat(hourly.source()).as(agg.name()).isEqualTo("rollup-1h");
            TelemetrySeries minutely = series(d, from, to, agg, Duration.ofMinutes(30));
            assertThat(minutely.source()).as(agg.name()).isEqualTo("rollup-1m");
            // Not a whole minute: only the raw rows can answer.
            TelemetrySeries raw = series(d, from, to, agg, Duration.ofSeconds(1800 + 30));
            assertThat(raw.source()).isEqualTo("raw");
            TelemetrySeries rawHourly = series(d, from, f.clock.instant(), agg, Duration.ofHours(1));
            assertThat(rawHourly.source()).as("range past the rollups").isEqualTo("raw");
            assertThat(numbers(hourly)).as(agg.name()).isEqualTo(numbers(rawHourly));
        }
        assertThat(numbers(series(d, from, to, TelemetryAggregation.AVG, Duration.ofHours(1))))
                .containsExactly(hour + "=4.0/4");
        assertThat(numbers(series(d, from, to, TelemetryAggregation.SUM, Duration.ofMinutes(30))))
                .containsExactly(hour + "=6.0/2", hour.plus(Duration.ofMinutes(30)) + "=10.0/2");
    }

    @Test
    @Order(4)
    void aRangeNotOnBucketEdgesIsAnsweredFromRawRowsSoTheNumbersStayExact() {
        Device d = device("rain-gauge", "TS-S-2");
        Instant hour = f.clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        send(
                d,
                "precipitation",
                null,
                hour.plus(Duration.ofMinutes(10)),
                100.0,
                hour.plus(Duration.ofMinutes(40)),
                1.0,
                hour.plus(Duration.ofMinutes(50)).plusSeconds(30),
                2.0);
        f.clock.advance(Duration.ofHours(2));
        jobs.rollUp();
        // From half past: the 10-minute reading is outside the range, whatever the rollup's hour holds.
        Instant from = hour.plus(Duration.ofMinutes(30));
        Instant to = hour.plus(Duration.ofHours(1));
        TelemetrySeries sum = series(d, from, to, TelemetryAggregation.SUM, Duration.ofHours(1));
        assertThat(numbers(sum)).containsExactly(hour + "=3.0/2");
        // Ending mid-minute: the reading 30 s into the 50th minute is outside too.
        TelemetrySeries upTo = series(
                d,
                hour,
                hour.plus(Duration.ofMinutes(50)).plusSeconds(10),
                TelemetryAggregation.SUM,
                Duration.ofMinutes(60));
        assertThat(numbers(upTo)).containsExactly(hour + "=101.0/2");
    }

    @Test
    @Order(5)
    void retentionDeletesOneTypesOldReadingsDropsOldDaysAndForgetsOldReceipts() {
        Device gauge = device("rain-gauge", "TS-K-1");
        Device noise = device("noise-monitor", "TS-K-2");
        assertThat(send(gauge, "precipitation", "old-receipt", f.clock.instant(), 1.0))
                .isEqualTo(IngestOutcome.STORED);
        f.clock.advance(Duration.ofDays(8));
        jobs.ensurePartitions();
        assertThat(send(gauge, "precipitation", "new-receipt", f.clock.instant(), 1.0))
                .isEqualTo(IngestOutcome.STORED);

        Instant now = f.clock.instant();
        Instant fiveDaysAgo = now.minus(Duration.ofDays(5));
        Instant yesterday = now.minus(Duration.ofDays(1));
        send(gauge, "precipitation", null, fiveDaysAgo, 3.0, yesterday, 4.0);
        send(noise, "laeq", null, fiveDaysAgo, 50.0, yesterday, 51.0);
        // A day past the longest retention with its own partition, and one only in the default partition.
        Instant fortyDaysAgo = now.minus(Duration.ofDays(40));
        Instant fortyOneDaysAgo = now.minus(Duration.ofDays(41));
        send(gauge, "precipitation", null, fortyDaysAgo, 5.0, fortyOneDaysAgo, 6.0);
        LocalDate oldDay = LocalDate.ofInstant(fortyDaysAgo, ZoneOffset.UTC);
        partitions.ensure(oldDay);
        assertThat(partitions.days()).contains(oldDay);
        String strays = "SELECT count(*) FROM iot_telemetry_default WHERE num = 6 AND device_id = '"
                + gauge.id().value() + "'";
        assertThat(f.count(strays)).isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(1));
        jobs.rollUp();
        long noiseRollupsBefore = rows("iot_telemetry_1m", noise);
        assertThat(noiseRollupsBefore).isEqualTo(2);

        jobs.applyRetention();

        assertThat(partitions.days()).doesNotContain(oldDay).contains(today());
        assertThat(f.count(strays)).isZero();
        assertThat(f.jdbc.sql("SELECT ts FROM iot_telemetry WHERE device_id = ? ORDER BY ts")
                        .param(noise.id().value())
                        .query((rs, i) -> rs.getTimestamp(1).toInstant())
                        .list())
                .containsExactly(yesterday);
        assertThat(f.jdbc.sql("SELECT num FROM iot_telemetry WHERE device_id = ? AND ts < ? ORDER BY ts")
                        .params(gauge.id().value(), java.sql.Timestamp.from(now))
                        .query(Double.class)
                        .list())
                .as("the gauge keeps the general 30 days")
                .containsExactly(1.0, 3.0, 4.0);
        assertThat(rows("iot_telemetry_1m", noise)).isEqualTo(1);
        assertThat(f.jdbc.sql("SELECT message_id FROM iot_ingest_receipt WHERE device_id = ?")
                        .param(gauge.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("new-receipt");
        // Forgotten means a retry of the old id would be stored again; the recent one is still a duplicate.
        assertThat(send(gauge, "precipitation", "new-receipt", f.clock.instant(), 1.0))
                .isEqualTo(IngestOutcome.DUPLICATE);
        assertThat(send(gauge, "precipitation", "old-receipt", f.clock.instant(), 1.0))
                .isEqualTo(IngestOutcome.STORED);
    }
}
