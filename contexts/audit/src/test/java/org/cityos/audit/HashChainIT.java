package org.cityos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.cityos.audit.ChainVerification.Reason;
import org.cityos.audit.internal.ChainHash;
import org.cityos.audit.internal.CheckpointSigner;
import org.cityos.audit.persistence.StoredCheckpoint;
import org.cityos.audit.persistence.StoredRecord;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashChainIT {
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
    void chains_every_pending_entry_with_contiguous_positions_in_batches() {
        db.recordMany(30);

        assertThat(db.newChainer(7).chainNow()).as("five batches of up to 7").isEqualTo(30);

        assertThat(db.count("SELECT count(*) FROM audit_record WHERE chain_seq IS NULL"))
                .isZero();
        assertThat(db.count("SELECT min(chain_seq) FROM audit_record")).isEqualTo(1);
        assertThat(db.count("SELECT max(chain_seq) FROM audit_record")).isEqualTo(30);
        assertThat(db.count("SELECT count(DISTINCT chain_seq) FROM audit_record"))
                .isEqualTo(30);
        assertThat(db.count("SELECT count(*) FROM audit_record a JOIN audit_record b"
                        + " ON b.chain_seq = a.chain_seq + 1 WHERE b.prev_hash <> a.hash"))
                .as("each record links to its predecessor")
                .isZero();
        ChainVerification result = db.trail.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(30);
        assertThat(result.checkpointsChecked()).isEqualTo(1);
        assertThat(result.lastCheckpointSeq())
                .as("signed after the first batch only")
                .isEqualTo(7);
        assertThat(result.unchainedRecords()).isZero();
        assertThat(db.chainer.chainNow()).as("nothing left to chain").isZero();
    }

    @Test
    void verification_counts_entries_still_waiting_for_the_chainer() {
        db.recordMany(3);
        db.chainer.chainNow();
        db.recordMany(2);

        ChainVerification result = db.trail.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(3);
        assertThat(result.unchainedRecords()).isEqualTo(2);
    }

    @Test
    void checkpoints_are_signed_once_per_interval_and_also_after_a_quiet_spell() {
        db.recordMany(5);
        db.chainer.chainNow();
        db.recordMany(5);
        db.chainer.chainNow();
        assertThat(db.count("SELECT count(*) FROM audit_checkpoint"))
                .as("interval not yet over")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        db.chainer.chainNow();

        assertThat(db.jdbc
                        .sql("SELECT chain_seq FROM audit_checkpoint ORDER BY chain_seq")
                        .query(Long.class)
                        .list())
                .as("the quiet tail got signed without new entries")
                .containsExactly(5L, 10L);
        clock.advance(Duration.ofSeconds(5));
        db.chainer.chainNow();
        assertThat(db.count("SELECT count(*) FROM audit_checkpoint"))
                .as("nothing new to sign")
                .isEqualTo(2);
        assertThat(db.trail.verify().checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void an_entry_edited_in_place_is_reported_as_altered_at_its_position() {
        db.recordMany(20);
        db.chainer.chainNow();
        long id = db.idAtSeq(12);

        db.behindCityOsBack("UPDATE audit_record SET details = '{\"field\": \"email\", \"n\": 11}' WHERE id = " + id);

        ChainVerification result = db.trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.RECORD_ALTERED);
        assertThat(result.firstBrokenSeq()).isEqualTo(12);
        assertThat(result.firstBrokenRecordId()).isEqualTo(id);
        assertThat(result.recordsChecked()).isEqualTo(11);
    }

    @Test
    void an_edit_hidden_by_recomputing_the_rest_of_the_chain_is_caught_by_a_signed_checkpoint() {
        db.recordMany(10);
        db.chainer.chainNow(); // checkpoint at 10
        clock.advance(Duration.ofSeconds(6));
        db.recordMany(10);
        db.chainer.chainNow(); // checkpoint at 20
        clock.advance(Duration.ofSeconds(6));
        db.recordMany(10);
        db.chainer.chainNow(); // checkpoint at 30
        long edited = 15;

        db.behindCityOsBack("UPDATE audit_record SET actor_name = 'someone else' WHERE chain_seq = " + edited);
        recomputeChainFrom(edited);

        ChainVerification result = db.trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
        assertThat(result.firstBrokenSeq()).isEqualTo(20);
        assertThat(result.suspectFromSeq()).isEqualTo(11);
        assertThat(result.suspectToSeq()).isEqualTo(20);
        assertThat(edited).isBetween(result.suspectFromSeq(), result.suspectToSeq());
        assertThat(result.checkpointsChecked()).isEqualTo(1);
        assertThat(result.recordsChecked())
                .as("the recomputed records are self-consistent")
                .isEqualTo(20);
    }

    @Test
    void a_deleted_entry_leaves_a_gap() {
        db.recordMany(10);
        db.chainer.chainNow();
        long next = db.idAtSeq(5);

        db.behindCityOsBack("DELETE FROM audit_record WHERE chain_seq = 4");

        ChainVerification result = db.trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.SEQUENCE_GAP);
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.firstBrokenRecordId()).isEqualTo(next);
    }

    @Test
    void a_deleted_entry_with_later_positions_renumbered_breaks_the_link() {
        db.recordMany(10);
        db.chainer.chainNow();

        db.behindCityOsBack(
                "DELETE FROM audit_record WHERE chain_seq = 4",
                "UPDATE audit_record SET chain_seq = -chain_seq WHERE chain_seq > 4",
                "UPDATE audit_record SET chain_seq = -chain_seq - 1 WHERE chain_seq < 0");

        ChainVerification result = db.trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.LINK_BROKEN);
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
    }

    @Test
    void entries_cut_off_the_end_are_caught_by_the_checkpoint_that_covered_them() {
        db.recordMany(10);
        db.chainer.chainNow();

        db.behindCityOsBack("DELETE FROM audit_record WHERE chain_seq > 7");

        ChainVerification result = db.trail.verify();
        assertThat(result.reason()).isEqualTo(Reason.SEQUENCE_GAP);
        assertThat(result.firstBrokenSeq()).isEqualTo(8);
        assertThat(result.suspectToSeq()).isEqualTo(10);
    }

    @Test
    void a_checkpoint_with_a_flipped_signature_bit_is_reported_as_forged() {
        db.recordMany(10);
        db.chainer.chainNow();

        db.behindCityOsBack(
                "UPDATE audit_checkpoint SET signature = set_byte(signature, 0, get_byte(signature, 0) # 1)");

        ChainVerification result = db.trail.verify();
        assertThat(result.reason()).isEqualTo(Reason.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(result.firstBrokenSeq()).isEqualTo(10);
    }

    @Test
    void a_recomputed_chain_with_checkpoints_re_signed_by_another_key_is_reported_as_forged() {
        db.recordMany(10);
        db.chainer.chainNow();
        db.behindCityOsBack("UPDATE audit_record SET target_id = 'u-999' WHERE chain_seq = 3");
        recomputeChainFrom(3);
        // The attacker knows the format and the key id, but has only a key of his own.
        CheckpointSigner attacker = CheckpointSigner.open(keys.resolve("attacker.key"));
        byte[] head = db.jdbc
                .sql("SELECT hash FROM audit_record WHERE chain_seq = 10")
                .query(byte[].class)
                .single();
        StoredCheckpoint forged = attacker.sign(10, head, clock.instant());
        db.behindCityOsBack("DELETE FROM audit_checkpoint");
        db.tx.executeWithoutResult(s -> db.jdbc
                .sql("INSERT INTO audit_checkpoint VALUES (?, ?, ?, ?, ?)")
                .params(
                        10L,
                        head,
                        forged.signedAt().atOffset(java.time.ZoneOffset.UTC),
                        db.signer.keyId(),
                        forged.signature())
                .update());

        ChainVerification result = db.trail.verify();
        assertThat(result.reason()).isEqualTo(Reason.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(result.suspectFromSeq()).isEqualTo(1);
        assertThat(result.suspectToSeq()).isEqualTo(10);
    }

    /** What an attacker who knows the algorithm (but not the private key) does to hide an edit. */
    private void recomputeChainFrom(long seq) {
        List<StoredRecord> rows = db.chain.chainedFrom(seq, Integer.MAX_VALUE);
        byte[] prev = rows.get(0).prevHash();
        for (StoredRecord r : rows) {
            byte[] hash = ChainHash.of(prev, r.chainSeq(), r);
            db.behindCityOsBack("UPDATE audit_record SET prev_hash = '\\x" + hex(prev) + "', hash = '\\x" + hex(hash)
                    + "' WHERE id = " + r.id());
            prev = hash;
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
