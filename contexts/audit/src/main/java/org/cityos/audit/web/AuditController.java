package org.cityos.audit.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.cityos.audit.AuditQuery;
import org.cityos.audit.AuditRecord;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.ChainVerification;
import org.cityos.audit.CheckpointExport;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Auditors read, verify and export the trail here; every endpoint checks its permission first. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** Entries newest first; {@code action} matches as a prefix, {@code from} inclusive, {@code to} exclusive. */
    @GetMapping("/records")
    public Page<AuditRecord> records(
            Actor actor,
            @RequestParam(name = "actorId", required = false) String actorId,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "targetType", required = false) String targetType,
            @RequestParam(name = "targetId", required = false) String targetId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "offset", required = false) Integer offset,
            @RequestParam(name = "limit", required = false) Integer limit) {
        actor.require(Permission.AUDIT_READ);
        AuditQuery query =
                new AuditQuery(actorId, action, targetType, targetId, instant("from", from), instant("to", to));
        return trail.search(query, PageRequest.of(offset, limit));
    }

    /** Walks the whole chain and every checkpoint; reports the first break. */
    @GetMapping("/verify")
    public ChainVerification verify(Actor actor) {
        actor.require(Permission.AUDIT_VERIFY);
        return trail.verify();
    }

    /** Signed checkpoints, newest first, with the public key and key id to check them offline. */
    @GetMapping("/checkpoints")
    public CheckpointExport checkpoints(
            Actor actor,
            @RequestParam(name = "offset", required = false) Integer offset,
            @RequestParam(name = "limit", required = false) Integer limit) {
        actor.require(Permission.AUDIT_READ);
        return trail.checkpoints(PageRequest.of(offset, limit));
    }

    /** The chain from {@code fromSeq} (default 1) as NDJSON: header, records, then checkpoints. */
    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(
            Actor actor, @RequestParam(name = "fromSeq", required = false) Long fromSeq) {
        actor.require(Permission.AUDIT_READ);
        long from = fromSeq == null ? 1 : fromSeq;
        if (from < 1) {
            throw InvalidInput.of("fromSeq", "validation.min", 1);
        }
        String filename = "audit-chain-from-" + from + ".ndjson";
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(out -> trail.export(from, out));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "audit.validation.instant");
        }
    }
}
