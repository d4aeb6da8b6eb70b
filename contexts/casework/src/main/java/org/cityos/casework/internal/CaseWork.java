package org.cityos.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiConsumer;
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

    public Instant now() {
        return clock.instant();
    }

    public CaseId run(
            Actor actor, Permission permission, CaseId id, Integer expectedVersion, BiConsumer<Actor, Turn> command) {
        actor.require(permission);
        transactions.executeWithoutResult(tx -> {
            CaseFile file = load(actor, id);
            if (expectedVersion != null && expectedVersion != file.row().version) {
                throw new ConcurrentChange("case", id.value());
            }
            Instant now = clock.instant();
            command.accept(actor, new Turn(file, units(actor), now));
            save(file, actor, now);
        });
        return id;
    }

    /** Saves a file changed inside the caller's transaction and reconciles its timers. */
    public void save(CaseFile file, Actor actor, Instant now) {
        store.save(file, actor, now);
        deadlines.reconcile(file.row(), file.timed(), now);
        file.timedNow();
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
