package org.cityos.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import org.cityos.catalog.persistence.LedgerEntry;
import org.cityos.catalog.persistence.StoredVersion;
import org.cityos.hashchain.Sha256;
import org.junit.jupiter.api.Test;

class LedgerEncodingTest {
    static final Instant AT = Instant.parse("2026-11-26T08:00:00.123456Z");
    static final StoredVersion V = new StoredVersion("1-01-001-0001", 2, "{\"name\":\"人口\"}", "steward", AT, "更名");

    @Test
    void theDigestIsPinnedSoLedgersWrittenTodayStayVerifiable() {
        // Computed by an independent implementation of the documented format (Python struct + hashlib). If this
        // fails, add a new versioned encoding instead of changing this one.
        assertThat(HexFormat.of().formatHex(LedgerEncoding.digest(V)))
                .isEqualTo("9cc89d6bcbd07dba84acf7cba2ac66f869848940bf689576e2e01851aaf6c2bc");
    }

    @Test
    void everyFieldOfAVersionAndOfALinkChangesTheHash() {
        byte[] base = LedgerEncoding.digest(V);
        assertThat(LedgerEncoding.digest(new StoredVersion("1-01-001-0002", 2, V.content(), "steward", AT, "更名")))
                .isNotEqualTo(base);
        assertThat(LedgerEncoding.digest(new StoredVersion(V.code(), 3, V.content(), "steward", AT, "更名")))
                .isNotEqualTo(base);
        assertThat(LedgerEncoding.digest(new StoredVersion(V.code(), 2, "{\"name\":\"人\"}", "steward", AT, "更名")))
                .isNotEqualTo(base);
        assertThat(LedgerEncoding.digest(
                        new StoredVersion(V.code(), 2, V.content(), "steward", AT.plusNanos(1000), "更名")))
                .isNotEqualTo(base);
        assertThat(LedgerEncoding.digest(new StoredVersion(V.code(), 2, V.content(), "steward", AT, null)))
                .isNotEqualTo(LedgerEncoding.digest(new StoredVersion(V.code(), 2, V.content(), "steward", AT, "")));
        LedgerEntry e = new LedgerEntry(7, null, "entry-version", V.code(), 2, base, AT, null, null, null);
        byte[] link = LedgerEncoding.link(Sha256.GENESIS, 1, e);
        assertThat(LedgerEncoding.link(Sha256.GENESIS, 2, e)).isNotEqualTo(link);
        assertThat(LedgerEncoding.link(link, 1, e)).isNotEqualTo(link);
        assertThat(LedgerEncoding.link(
                        Sha256.GENESIS,
                        1,
                        new LedgerEntry(7, null, "entry-version", V.code(), 3, base, AT, null, null, null)))
                .isNotEqualTo(link);
    }
}
