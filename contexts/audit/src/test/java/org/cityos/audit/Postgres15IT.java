package org.cityos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.cityos.audit.ChainVerification.Reason;
import org.cityos.testkit.DebianPostgres;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration and the whole chain also work on PostgreSQL 15, the oldest server CityOS supports. */
class Postgres15IT {
    @TempDir
    Path keys;

    @Test
    void migrates_chains_and_detects_tampering_on_postgresql_15() {
        MutableClock clock = MutableClock.at("2026-11-24T01:00:00Z");
        try (DebianPostgres pg = DebianPostgres.start()) {
            pg.createDatabase("audit");
            try (AuditFixture db = new AuditFixture(pg.jdbcUrl("audit"), keys.resolve("audit.key"), clock)) {
                String version =
                        db.jdbc.sql("SHOW server_version").query(String.class).single();
                assertThat(version).startsWith(pg.version());
                db.recordMany(10);
                db.chainer.chainNow();
                clock.advance(Duration.ofSeconds(5));
                db.recordMany(10);
                db.chainer.chainNow();
                assertThat(db.trail.verify().intact()).isTrue();

                db.behindCityOsBack("UPDATE audit_record SET details = '{}' WHERE chain_seq = 14");

                ChainVerification result = db.trail.verify();
                assertThat(result.reason()).isEqualTo(Reason.RECORD_ALTERED);
                assertThat(result.firstBrokenSeq()).isEqualTo(14);
            }
        }
    }
}
