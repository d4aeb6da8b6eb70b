package org.cityos.audit;

import java.io.OutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cityos.audit.internal.ChainExport;
import org.cityos.audit.internal.ChainVerifier;
import org.cityos.audit.internal.CheckpointSigner;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.audit.persistence.CheckpointStore;
import org.cityos.http.RequestIds;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;

/**
 * What other contexts use to put entries on the audit trail, and what auditors use to read and check
 * it. Recording is a single INSERT on the caller's transaction: it commits or rolls back with the
 * change it describes, and nothing about the hash chain slows it down (the chainer links entries
 * within seconds, in the background).
 *
 * <p>Record every state-changing call made by a user or an API key, and every read that shows personal
 * data unmasked (telemetry is not audited). Call it inside the transaction that makes the change; an
 * unmasked read needs a read-write transaction too, because its audit entry is a write.
 */
public class AuditTrail {
    private final AuditRecordStore records;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final ChainVerifier verifier;
    private final ChainExport export;
    private final Clock clock;

    public AuditTrail(
            AuditRecordStore records,
            CheckpointStore checkpoints,
            CheckpointSigner signer,
            ChainVerifier verifier,
            ChainExport export,
            Clock clock) {
        this.records = records;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.verifier = verifier;
        this.export = export;
        this.clock = clock;
    }

    /** Records the entry in the caller's transaction and returns its id. */
    public long record(AuditEntry entry) {
        // PostgreSQL keeps microseconds; truncating here means what is returned is what is stored.
        return records.insert(entry, clock.instant().truncatedTo(ChronoUnit.MICROS), blankToNull(RequestIds.current()));
    }

    public long record(Actor actor, String action, String targetType, String targetId, Map<String, Object> details) {
        return record(new AuditEntry(actor, action, targetType, targetId, null, details));
    }

    public long record(
            Actor actor,
            String action,
            String targetType,
            String targetId,
            DivisionCode division,
            Map<String, Object> details) {
        return record(new AuditEntry(actor, action, targetType, targetId, division, details));
    }

    /**
     * Records that {@code actor} saw the named personal-data {@code fields} of a target unmasked. The
     * action is {@code <targetType>.unmask}, so give a qualified type such as {@code identity.user}.
     */
    public long recordUnmaskedRead(Actor actor, String targetType, String targetId, Collection<String> fields) {
        return recordUnmaskedRead(actor, targetType, targetId, null, fields);
    }

    public long recordUnmaskedRead(
            Actor actor, String targetType, String targetId, DivisionCode division, Collection<String> fields) {
        if (targetType == null || fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("an unmasked read names its target type and at least one field");
        }
        // Sorted so the same read always produces the same details, whatever order the caller had.
        Map<String, Object> details = Map.of("fields", List.copyOf(new TreeSet<>(fields)));
        return record(new AuditEntry(actor, targetType + ".unmask", targetType, targetId, division, details));
    }

    /** Entries matching the query, newest first. */
    public Page<AuditRecord> search(AuditQuery query, PageRequest page) {
        return records.search(query, page);
    }

    /** Checks the whole chain and every checkpoint; see {@link ChainVerification} for what a break means. */
    public ChainVerification verify() {
        return verifier.verify();
    }

    /** Signed checkpoints, newest first, with the public key that verifies them. */
    public CheckpointExport checkpoints(PageRequest page) {
        Page<SignedCheckpoint> signed = checkpoints.newestFirst(page).map(SignedCheckpoints::of);
        return new CheckpointExport(CheckpointSigner.ALGORITHM, signer.keyId(), signer.publicKeyPem(), signed);
    }

    /** Writes chained entries from {@code fromSeq} on, then their checkpoints, as NDJSON to {@code out}. */
    public void export(long fromSeq, OutputStream out) {
        export.write(fromSeq, out);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
