package org.cityos.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cityos.audit.persistence.ChainStore;
import org.cityos.audit.persistence.CheckpointStore;
import org.cityos.audit.persistence.StoredCheckpoint;
import org.cityos.audit.persistence.StoredRecord;
import org.cityos.hashchain.SeqPages;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the chain as newline-delimited JSON that someone outside CityOS can verify with nothing but
 * this file: a header with the public key, every chained record with exactly the field values its
 * hash covers ({@code details} as the stored JSON text, instants also as epoch microseconds), then
 * the checkpoints. Keeping exports elsewhere also defeats cutting records off the end of the chain.
 */
public final class ChainExport {
    private static final int PAGE = 2_000;
    private static final HexFormat HEX = HexFormat.of();

    private final ChainStore chain;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final TransactionTemplate snapshot;
    private final JsonMapper json;

    public ChainExport(
            ChainStore chain,
            CheckpointStore checkpoints,
            CheckpointSigner signer,
            PlatformTransactionManager transactionManager,
            JsonMapper json) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.json = json;
        // Records and checkpoints from one snapshot, so the export is consistent in itself.
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    public void write(long fromSeq, OutputStream out) {
        snapshot.executeWithoutResult(status -> {
            line(out, header(fromSeq));
            SeqPages<StoredRecord> records =
                    new SeqPages<>(fromSeq, PAGE, from -> chain.chainedFrom(from, PAGE), StoredRecord::chainSeq);
            while (records.hasNext()) {
                line(out, record(records.next()));
            }
            SeqPages<StoredCheckpoint> signed =
                    new SeqPages<>(fromSeq, PAGE, from -> checkpoints.from(from, PAGE), StoredCheckpoint::chainSeq);
            while (signed.hasNext()) {
                line(out, checkpoint(signed.next()));
            }
            flush(out);
        });
    }

    private Map<String, Object> header(long fromSeq) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "header");
        line.put("format", "cityos-audit-export-v1");
        line.put("recordEncoding", CanonicalEncoding.RECORD_TAG);
        line.put("checkpointEncoding", CanonicalEncoding.CHECKPOINT_TAG);
        line.put("hashAlgorithm", "SHA-256");
        line.put("signatureAlgorithm", CheckpointSigner.ALGORITHM);
        line.put("keyId", signer.keyId());
        line.put("publicKeyPem", signer.publicKeyPem());
        line.put("fromSeq", fromSeq);
        return line;
    }

    private static Map<String, Object> record(StoredRecord r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "record");
        line.put("seq", r.chainSeq());
        line.put("id", r.id());
        line.put("occurredAt", r.occurredAt().toString());
        line.put("occurredAtMicros", CanonicalEncoding.micros(r.occurredAt()));
        line.put("actorId", r.actorId());
        line.put("actorKind", r.actorKind());
        line.put("actorName", r.actorName());
        line.put("action", r.action());
        line.put("targetType", r.targetType());
        line.put("targetId", r.targetId());
        line.put("divisionCode", r.divisionCode());
        line.put("details", r.details());
        line.put("requestId", r.requestId());
        line.put("prevHash", hex(r.prevHash()));
        line.put("hash", hex(r.hash()));
        return line;
    }

    private static Map<String, Object> checkpoint(StoredCheckpoint c) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "checkpoint");
        line.put("seq", c.chainSeq());
        line.put("hash", hex(c.hash()));
        line.put("signedAt", c.signedAt().toString());
        line.put("signedAtMicros", CanonicalEncoding.micros(c.signedAt()));
        line.put("keyId", c.keyId());
        line.put("signature", c.signature() == null ? null : Base64.getEncoder().encodeToString(c.signature()));
        return line;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    private void line(OutputStream out, Map<String, Object> value) {
        try {
            out.write(json.writeValueAsBytes(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("audit export interrupted", e);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("audit export interrupted", e);
        }
    }
}
