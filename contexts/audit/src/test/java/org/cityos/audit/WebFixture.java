package org.cityos.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.cityos.audit.web.AuditController;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.ProblemMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit controller on MockMvc with the real CityOS problem handling and message bundles, over a
 * real database; the acting {@link Actor} is whoever the test says, as the security filter would set.
 */
public final class WebFixture implements AutoCloseable {
    private final AuditFixture db;
    private Actor current;

    public WebFixture(Path keyFile, Clock clock) {
        this.db = new AuditFixture(keyFile, clock);
    }

    public static Actor actor(String id, Role role) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(), Set.of(), false);
    }

    public void actAs(Actor actor) {
        current = actor;
    }

    public AuditTrail trail() {
        return db.trail;
    }

    public void chainNow() {
        db.chainer.chainNow();
    }

    public String keyId() {
        return db.signer.keyId();
    }

    public MockMvc mvc() {
        return ProblemMvc.standalone(
                ProblemMvc.messages("i18n/audit/messages"),
                new FixedActorResolver(() -> current),
                new AuditController(db.trail));
    }

    @Override
    public void close() {
        db.close();
    }
}
