package org.cityos.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cityos.catalog.EntryVerification.Status;
import org.cityos.catalog.EntryVerification.VersionCheck;
import org.cityos.catalog.LedgerVerification.LedgerPosition;
import org.cityos.catalog.LedgerVerification.Reason;
import org.cityos.catalog.internal.LedgerEncoding;
import org.cityos.catalog.persistence.LedgerEntry;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.catalog.persistence.StoredVersion;
import org.cityos.hashchain.Sha256;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger: every version is chained and signed; an intact chain verifies over HTTP for any catalogue reader;
 * edits behind CityOS's back — of a version row, of a ledger row, and of both with every later hash recomputed —
 * are detected and located. A fresh database per test, because each one tampers.
 */
class LedgerIT {
    CatalogFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CatalogFixture();
        f.create("1-01-001-0001", "人口基础信息");
        f.create("1-02-001-0001", "法人单位基础信息");
        f.chainAndSign();
        f.catalog.change(
                CatalogFixture.STEWARD, "1-01-001-0001", 1, CatalogFixture.draft("1-01-001-0001", "人口综合信息"), "更名");
        f.create("2-01-001-0001", "空气质量监测数据");
        f.chainAndSign();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void anIntactLedgerVerifiesForAnyCatalogueReaderWholeAndPerEntry() throws Exception {
        Actor[] as = {CatalogFixture.AUDITOR};
        MockMvc mvc = f.mvc(as);
        mvc.perform(get("/api/catalog/ledger/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entriesChecked").value(4))
                .andExpect(jsonPath("$.checkpointsChecked").value(2))
                .andExpect(jsonPath("$.lastCheckpointSeq").value(4));
        mvc.perform(get("/api/catalog/entries/1-01-001-0001/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.versions[0].seq").value(1))
                .andExpect(jsonPath("$.versions[0].status").value("INTACT"))
                .andExpect(jsonPath("$.versions[1].seq").value(3))
                .andExpect(jsonPath("$.versions[1].status").value("INTACT"));
        mvc.perform(get("/api/catalog/ledger/public-key"))
                .andExpect(jsonPath("$.algorithm").value("Ed25519"))
                .andExpect(jsonPath("$.publicKeyPem").value(org.hamcrest.Matchers.startsWith("-----BEGIN PUBLIC KEY")));
    }

    @Test
    void aNewVersionIsPendingUntilChainedThenUnsignedUntilTheNextCheckpoint() {
        f.catalog.retire(CatalogFixture.STEWARD, "1-02-001-0001", 1, "停用");
        assertThat(f.ledger.verifyEntry(CatalogFixture.AUDITOR, "1-02-001-0001").versions())
                .containsExactly(new VersionCheck(1, 2L, Status.INTACT), new VersionCheck(2, null, Status.PENDING));
        f.ledger.chainNow(); // the clock has not moved: no checkpoint is due yet
        EntryVerification check = f.ledger.verifyEntry(CatalogFixture.AUDITOR, "1-02-001-0001");
        assertThat(check.intact()).isTrue();
        assertThat(check.versions()).contains(new VersionCheck(2, 5L, Status.CHAINED_UNSIGNED));
    }

    @Test
    void aPlainUpdateOfAVersionRowIsDetectedAndLocated() {
        f.jdbc.sql("UPDATE catalog_entry_version SET content = replace(content, '人口综合信息', '人口信息')"
                        + " WHERE code = '1-01-001-0001' AND version = 2")
                .update();

        LedgerVerification result = f.ledger.verify(CatalogFixture.AUDITOR);
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.CONTENT_ALTERED);
        assertThat(result.brokenSeq()).isEqualTo(3);
        assertThat(result.brokenAt()).isEqualTo(new LedgerPosition(3, "entry-version", "1-01-001-0001", 2));
        EntryVerification entry = f.ledger.verifyEntry(CatalogFixture.AUDITOR, "1-01-001-0001");
        assertThat(entry.intact()).isFalse();
        assertThat(entry.versions())
                .containsExactly(
                        new VersionCheck(1, 1L, Status.INTACT), new VersionCheck(2, 3L, Status.CONTENT_ALTERED));
        // Another entry's history still stands: the chain itself was not touched.
        EntryVerification other = f.ledger.verifyEntry(CatalogFixture.AUDITOR, "2-01-001-0001");
        assertThat(other.intact()).isTrue();
        assertThat(other.versions()).containsExactly(new VersionCheck(1, 4L, Status.INTACT));
    }

    @Test
    void aPlainUpdateOfALedgerRowIsDetectedAndLocated() {
        f.jdbc.sql("UPDATE catalog_ledger SET subject_version = 9 WHERE chain_seq = 2")
                .update();

        LedgerVerification result = f.ledger.verify(CatalogFixture.AUDITOR);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(2);
        // The row now points at a version that does not exist, and its hash no longer matches: either says where.
        assertThat(result.reason()).isIn(Reason.RECORD_ALTERED, Reason.VERSION_MISSING);
        assertThat(result.brokenAt().subject()).isEqualTo("1-02-001-0001");
    }

    @Test
    void anEditThatRecomputesTheDigestAndEveryLaterHashIsCaughtByTheSignedCheckpointAndLocated() {
        // The attacker rewrites version 1 of 1-02-001-0001 (seq 2), fixes its digest, and re-links seq 2..4.
        f.jdbc.sql("UPDATE catalog_entry_version SET content = replace(content, '法人单位基础信息', '法人信息')"
                        + " WHERE code = '1-02-001-0001' AND version = 1")
                .update();
        LedgerStore store = f.context.getBean(LedgerStore.class);
        List<LedgerEntry> rows = store.chainedFrom(1, 100);
        byte[] prev = Sha256.GENESIS;
        for (LedgerEntry row : rows) {
            StoredVersion v = row.version();
            byte[] digest = LedgerEncoding.digest(v);
            LedgerEntry rewritten = new LedgerEntry(
                    row.id(),
                    row.chainSeq(),
                    row.kind(),
                    row.subject(),
                    row.subjectVersion(),
                    digest,
                    row.recordedAt(),
                    prev,
                    null,
                    v);
            byte[] hash = LedgerEncoding.link(prev, row.chainSeq(), rewritten);
            f.jdbc.sql("UPDATE catalog_ledger SET content_digest = ?, prev_hash = ?, hash = ? WHERE id = ?")
                    .params(digest, prev, hash, row.id())
                    .update();
            prev = hash;
        }

        LedgerVerification result = f.ledger.verify(CatalogFixture.AUDITOR);
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
        // The first checkpoint signed seq 2; the rewrite lies at or before it, after no earlier good checkpoint.
        assertThat(result.brokenSeq()).isEqualTo(2);
        assertThat(result.suspectFromSeq()).isEqualTo(1);
        assertThat(result.suspectToSeq()).isEqualTo(2);
        assertThat(result.suspects()).extracting(LedgerPosition::subject).contains("1-02-001-0001");
        assertThat(f.ledger.verifyEntry(CatalogFixture.AUDITOR, "1-02-001-0001").intact())
                .isFalse();
    }

    @Test
    void aForgedCheckpointIsReported() {
        f.jdbc.sql("UPDATE catalog_ledger_checkpoint SET signature = ? WHERE chain_seq = 4")
                .param(new byte[64])
                .update();

        LedgerVerification result = f.ledger.verify(CatalogFixture.AUDITOR);
        assertThat(result.reason()).isEqualTo(Reason.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(result.brokenSeq()).isEqualTo(4);
    }
}
