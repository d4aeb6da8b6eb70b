package org.cityos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cityos.audit.internal.HashChainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentChainingIT {
    private static final int WRITERS = 6;
    private static final int PER_WRITER = 300;

    @TempDir
    Path keys;

    AuditFixture db;

    @BeforeEach
    void setUp() {
        db = new AuditFixture(keys.resolve("audit.key"), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void concurrent_writers_and_two_chainers_chain_every_committed_entry_exactly_once() throws Exception {
        HashChainer otherNode = db.newChainer();
        db.chainer.job().start();
        otherNode.job().start();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> write(writer)));
            }
            int verifications = 0;
            while (done.stream().anyMatch(f -> !f.isDone()) || verifications == 0) {
                ChainVerification during = db.trail.verify();
                assertThat(during.intact())
                        .as("verification while chaining: %s", during)
                        .isTrue();
                verifications++;
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
            db.chainer.job().stop();
            otherNode.job().stop();
        }
        db.chainer.chainNow();

        long committed = WRITERS * (PER_WRITER - PER_WRITER / 10);
        assertThat(db.count("SELECT count(*) FROM audit_record")).isEqualTo(committed);
        assertThat(db.count("SELECT count(*) FROM audit_record WHERE chain_seq IS NULL"))
                .isZero();
        assertThat(db.count("SELECT count(DISTINCT chain_seq) FROM audit_record"))
                .isEqualTo(committed);
        assertThat(db.count("SELECT max(chain_seq) FROM audit_record")).isEqualTo(committed);
        ChainVerification result = db.trail.verify();
        assertThat(result.intact()).as("%s", result).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(committed);
        assertThat(result.checkpointsChecked()).isPositive();
    }

    /** Each entry in its own transaction; every tenth rolls back and must leave no trace in the chain. */
    private void write(int writer) {
        for (int i = 0; i < PER_WRITER; i++) {
            int n = i;
            db.tx.executeWithoutResult(status -> {
                db.trail.record(
                        AuditFixture.CLERK, "identity.user.update", "identity.user", writer + "-" + n, Map.of("n", n));
                if (n % 10 == 0) {
                    status.setRollbackOnly();
                }
            });
        }
    }
}
