package org.cityos.iot;

import java.time.Clock;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.internal.ingest.MessageDecoder;
import org.cityos.iot.persistence.DeadLetterRepository;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.NotFound;
import org.cityos.kernel.problem.ProblemKind;

/**
 * The dead-letter store: every message that could not be stored as readings, visible with its raw payload and
 * reason, and replayable once the cause is fixed (a mapping corrected, a device registered) — or discarded by
 * an operator, on the record. Replays and discards are audited.
 */
public class DeadLetters {
    private final DeadLetterRepository repository;
    private final MessageDecoder decoder;
    private final TelemetryIngest ingest;
    private final Integrations integrations;
    private final DeviceTypes types;
    private final AuditTrail audit;
    private final Clock clock;

    public DeadLetters(
            DeadLetterRepository repository,
            MessageDecoder decoder,
            TelemetryIngest ingest,
            Integrations integrations,
            DeviceTypes types,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.decoder = decoder;
        this.ingest = ingest;
        this.integrations = integrations;
        this.types = types;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<DeadLetter> list(Actor actor, String status, String reasonCode, DeviceId device, PageRequest page) {
        actor.require(Permission.DEVICE_READ);
        return repository.page(DeviceScope.of(actor), status, reasonCode, device, page);
    }

    public DeadLetter get(Actor actor, long id) {
        actor.require(Permission.DEVICE_READ);
        DeadLetter letter = repository.find(id).orElseThrow(() -> new NotFound("dead-letter", id));
        boolean visible = repository
                        .page(DeviceScope.of(actor), null, null, letter.device(), PageRequest.of(0, 1))
                        .total()
                > 0;
        if (!visible) {
            throw new NotFound("dead-letter", id);
        }
        return letter;
    }

    /** The outcome of a replay: stored (REPLAYED) or still undecodable with the current reason. */
    public record Replay(long id, boolean stored, String reasonCode, String reason) {}

    /** Decodes the letter again with today's types, mappings and registry; stores it if it now decodes. */
    public Replay replay(Actor actor, long id) {
        actor.require(Permission.DEVICE_WRITE);
        DeadLetter letter = get(actor, id);
        if (!letter.status().equals("NEW")) {
            throw new AlreadyResolved(id, letter.status());
        }
        byte[] payload = repository.payload(id).orElseThrow();
        Replay result;
        if (letter.device() == null && letter.integrationId() != null) {
            Integration integration = integrations.get(actor, letter.integrationId());
            var outcomes = integrations.push(integration, payload).join();
            boolean stored = outcomes.stream().allMatch(o -> o != IngestOutcome.DEAD_LETTERED);
            result = finish(
                    actor, letter, stored, stored ? null : "UNKNOWN_DEVICE", "still not decodable; see newer letters");
        } else {
            InboundMessage again = new InboundMessage(
                    letter.device(),
                    letter.typeCode(),
                    letter.kind(),
                    IngestChannel.REPLAY,
                    letter.form(),
                    payload,
                    clock.instant(),
                    null,
                    letter.integrationId(),
                    null);
            var check = decoder.check(again);
            if (check.isPresent()) {
                repository.failedAgain(id, check.get().code(), check.get().reason());
                result = new Replay(id, false, check.get().code(), check.get().reason());
            } else {
                ingest.accept(again).join();
                result = finish(actor, letter, true, null, null);
            }
        }
        audit.record(
                actor,
                "iot.dead-letter.replay",
                "iot.dead-letter",
                Long.toString(id),
                Map.of("stored", result.stored()));
        return result;
    }

    private Replay finish(Actor actor, DeadLetter letter, boolean stored, String code, String reason) {
        if (stored) {
            repository.resolve(letter.id(), "REPLAYED", actor.id(), clock.instant());
            return new Replay(letter.id(), true, null, null);
        }
        repository.failedAgain(letter.id(), code, reason);
        return new Replay(letter.id(), false, code, reason);
    }

    public DeadLetter discard(Actor actor, long id, String note) {
        actor.require(Permission.DEVICE_WRITE);
        DeadLetter letter = get(actor, id);
        if (!repository.resolve(id, "DISCARDED", actor.id(), clock.instant())) {
            throw new AlreadyResolved(id, letter.status());
        }
        audit.record(
                actor,
                "iot.dead-letter.discard",
                "iot.dead-letter",
                Long.toString(id),
                Map.of("note", note == null ? "" : note));
        return repository.find(id).orElseThrow();
    }

    /** A letter already replayed or discarded. */
    public static final class AlreadyResolved extends DomainProblem {
        public AlreadyResolved(long id, String status) {
            super(ProblemKind.CONFLICT, "dead-letter-resolved", "problem.dead-letter-resolved", id, status);
        }
    }
}
