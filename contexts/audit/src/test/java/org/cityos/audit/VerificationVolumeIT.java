package org.cityos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationVolumeIT {
    private static final int RECORDS = 20_000;

    @TempDir
    Path keys;

    MutableClock clock = MutableClock.at("2026-11-24T01:00:00Z");
    AuditFixture db;

    @BeforeEach
    void setUp() {
        db = new AuditFixture(keys.resolve("audit.key"), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void verifies_twenty_thousand_entries_and_their_checkpoints() {
        for (int i = 0; i < RECORDS / 5_000; i++) {
            db.recordInOneTransaction(5_000);
            clock.advance(Duration.ofSeconds(5));
            db.chainer.chainNow();
        }

        long started = System.nanoTime();
        ChainVerification result = db.trail.verify();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        System.out.printf(
                "Verified %d audit records and %d checkpoints in %d ms%n",
                result.recordsChecked(), result.checkpointsChecked(), millis);
        assertThat(result.intact()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(RECORDS);
        assertThat(result.checkpointsChecked()).isEqualTo(RECORDS / 5_000);
    }
}
