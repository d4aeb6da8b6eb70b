package org.cityos.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.cityos.casework.CaseId;
import org.cityos.casework.UnitRef;
import org.cityos.casework.persistence.AssignmentRepository;
import org.cityos.casework.persistence.CaseRepository;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.NotFound;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one command on one case: in a transaction, load the file, check the permission, that the actor sees the case
 * and that its version is the one the caller read, let the command change it, save it, and bring the deadline
 * timers in step — all or nothing.
 */
public final class CaseWork {
    /** What a command is given: the case file, the actor's units, and "now". */
    public record Turn(CaseFile file, Set<UnitRef> units, Instant now) {}

    private final CaseRepository cases;
    private final AssignmentRepository assignments;
    private final CaseStore store;
    private final DeadlineKeeper deadlines;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DivisionCode district;

    public CaseWork(
            CaseRepository cases,
            AssignmentRepository assignments,
            CaseStore store,
            DeadlineKeeper deadlines,
            TransactionTemplate transactions,
            Clock clock,
            DivisionCode district) {
        this.cases = cases;
        this.assignments = assignments;
        this.store = store;
        this.deadlines = deadlines;
        this.transactions = transactions;
        this.clock = clock;
        this.district = district;
    }

    public DivisionCode district() {
        return district;
    }

    public Set<UnitRef> units(Actor actor) {
        return ActingUnits.of(actor, district);
    }

    /** Now, to the microsecond the database keeps, so an answer from memory equals the row read back. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public CaseId run(
            Actor actor, Permission permission, CaseId id, Integer expectedVersion, BiConsumer<Actor, Turn> command) {
        actor.require(permission);
        transactions.executeWithoutResult(tx -> {
            CaseFile file = load(actor, id);
            if (expectedVersion != null && expectedVersion != file.row().version) {
                throw new ConcurrentChange("case", id.value());
            }
            Instant now = now();
            command.accept(actor, new Turn(file, units(actor), now));
            save(file, actor, now);
        });
        return id;
    }

    /**
     * Runs a command and then reads the answer in one transaction: the read sees exactly what the command wrote,
     * and a case the command saved is answered from memory instead of being read back.
     */
    public <T> T then(Supplier<T> commandAndAnswer) {
        return transactions.execute(tx -> commandAndAnswer.get());
    }

    /** Saves a file changed inside the caller's transaction and reconciles its timers. */
    public void save(CaseFile file, Actor actor, Instant now) {
        store.save(file, actor, now);
        deadlines.reconcile(file.row(), file.timed(), now);
        file.timedNow();
        remember(file);
    }

    /**
     * The case file to answer with: the one saved earlier in this transaction if there is one (it is what the
     * database now holds), else read; either way only if the actor may see it.
     */
    public CaseFile loadForAnswer(Actor actor, CaseId id) {
        CaseFile saved = savedInThisTransaction().get(id.value());
        if (saved == null) {
            return load(actor, id);
        }
        if (!CaseAccess.sees(actor, units(actor), saved.row(), saved.assignments())) {
            throw new NotFound("case", id.value());
        }
        return saved;
    }

    // Kept as a transaction resource, so it is gone when the transaction ends, committed or not.
    private void remember(CaseFile file) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Map<String, CaseFile> saved = savedInThisTransaction();
            if (saved.isEmpty() && !TransactionSynchronizationManager.hasResource(this)) {
                TransactionSynchronizationManager.bindResource(this, saved);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(CaseWork.this);
                    }
                });
            }
            saved.put(file.row().id, file);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, CaseFile> savedInThisTransaction() {
        Object saved = TransactionSynchronizationManager.getResource(this);
        return saved == null ? new HashMap<>() : (Map<String, CaseFile>) saved;
    }

    /** The case file if the actor may see it; "not found" otherwise, so that nothing leaks. */
    public CaseFile load(Actor actor, CaseId id) {
        CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFound("case", id.value()));
        CaseFile file = CaseFile.loaded(row, assignments.of(row.id));
        if (!CaseAccess.sees(actor, units(actor), row, file.assignments())) {
            throw new NotFound("case", id.value());
        }
        return file;
    }
}
