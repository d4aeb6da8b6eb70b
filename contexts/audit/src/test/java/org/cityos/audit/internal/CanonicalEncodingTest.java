package org.cityos.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.cityos.audit.persistence.StoredRecord;
import org.junit.jupiter.api.Test;

class CanonicalEncodingTest {
    static final Instant AT = Instant.parse("2026-11-24T01:02:03.456789Z");
    /** actorId, actorKind, actorName, action, targetType, targetId, divisionCode, details, requestId. */
    static final String[] TEXT = {
        "user-17",
        "USER",
        "王芳",
        "identity.user.update",
        "identity.user",
        "u-1",
        "110115001000",
        "{\"n\": 1, \"field\": \"phone\"}",
        "req-12345678"
    };

    static final StoredRecord RECORD = record(42, AT, TEXT);

    @Test
    void the_record_hash_is_pinned_so_existing_chains_stay_verifiable() {
        // Changing the encoding would make every chain ever written fail verification; if this test
        // fails, add a new versioned encoding instead of editing the old one. The value was checked
        // against an independent implementation of the documented format.
        byte[] hash = ChainHash.of(ChainHash.GENESIS, 1, RECORD);

        assertThat(HexFormat.of().formatHex(hash))
                .isEqualTo("562c0e719992e577f1a0d7a07536a1ca1853e8e65a51ab6428169b0d3300fe61");
    }

    @Test
    void the_checkpoint_encoding_is_pinned() {
        byte[] bytes = CanonicalEncoding.checkpoint(
                7, new byte[] {1, 2, 3}, Instant.parse("2026-11-24T00:00:00.000001Z"), "0123456789abcdef");

        ByteBuffer expected = ByteBuffer.allocate(bytes.length);
        byte[] tag = "cityos-audit-checkpoint-v1".getBytes(StandardCharsets.UTF_8);
        expected.putInt(tag.length).put(tag);
        expected.putLong(7);
        expected.putInt(3).put(new byte[] {1, 2, 3});
        expected.putLong(Instant.parse("2026-11-24T00:00:00Z").getEpochSecond() * 1_000_000L + 1);
        expected.putInt(16).put("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes).isEqualTo(expected.array());
    }

    @Test
    void moving_text_from_one_field_to_the_next_changes_the_hash() {
        String[] ab = TEXT.clone();
        ab[0] = "ab";
        ab[1] = "c";
        String[] a = TEXT.clone();
        a[0] = "a";
        a[1] = "bc";

        assertThat(hash(record(42, AT, ab))).isNotEqualTo(hash(record(42, AT, a)));
    }

    @Test
    void null_and_empty_text_hash_differently() {
        assertThat(hash(record(42, AT, with(5, null)))).isNotEqualTo(hash(record(42, AT, with(5, ""))));
    }

    @Test
    void every_field_position_and_link_changes_the_hash() {
        Set<String> hashes = new HashSet<>();
        hashes.add(hex(hash(RECORD)));
        hashes.add(hex(hash(record(43, AT, TEXT))));
        hashes.add(hex(hash(record(42, AT.plusNanos(1_000), TEXT))));
        for (int field = 0; field < TEXT.length; field++) {
            hashes.add(hex(hash(record(42, AT, with(field, TEXT[field] + "x")))));
        }
        hashes.add(hex(ChainHash.of(ChainHash.GENESIS, 2, RECORD)));
        byte[] otherPrev = new byte[32];
        otherPrev[31] = 1;
        hashes.add(hex(ChainHash.of(otherPrev, 1, RECORD)));

        assertThat(hashes).hasSize(3 + TEXT.length + 2);
    }

    @Test
    void instants_count_in_microseconds() {
        assertThat(CanonicalEncoding.micros(Instant.parse("1970-01-01T00:00:01.000002999Z")))
                .isEqualTo(1_000_002L);
        assertThat(CanonicalEncoding.micros(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo(-1L);
    }

    private static byte[] hash(StoredRecord r) {
        return ChainHash.of(ChainHash.GENESIS, 1, r);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String[] with(int field, String value) {
        String[] text = TEXT.clone();
        text[field] = value;
        return text;
    }

    private static StoredRecord record(long id, Instant at, String[] t) {
        return new StoredRecord(id, null, at, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], null, null);
    }
}
