package org.cityos.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.http.RequestIds;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.ActorKind;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.springframework.dao.DataIntegrityViolationException;

class AuditTrailIT {
    @TempDir
    Path keys;

    MutableClock clock = MutableClock.at("2026-11-24T01:00:00.123456789Z");
    AuditFixture db;

    @BeforeEach
    void setUp() {
        db = new AuditFixture(keys.resolve("audit.key"), clock);
    }

    @AfterEach
    void tearDown() {
        MDC.remove(RequestIds.MDC_KEY);
        db.close();
    }

    @Test
    void an_entry_rolls_back_with_the_change_it_describes() {
        db.tx.executeWithoutResult(status -> {
            db.trail.record(AuditFixture.CLERK, "identity.user.create", "identity.user", "u-1", Map.of());
            assertThat(db.count("SELECT count(*) FROM audit_record"))
                    .as("visible inside the caller's transaction")
                    .isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(db.count("SELECT count(*) FROM audit_record")).isZero();
    }

    @Test
    void an_entry_commits_with_the_change_it_describes() {
        db.tx.executeWithoutResult(status -> {
            db.trail.record(AuditFixture.CLERK, "identity.user.create", "identity.user", "u-1", Map.of());
            assertThat(db.trail.search(AuditQuery.all(), PageRequest.of(0, 10)).total())
                    .as("same transaction sees it")
                    .isEqualTo(1);
        });

        assertThat(db.count("SELECT count(*) FROM audit_record")).isEqualTo(1);
    }

    @Test
    void an_entry_is_invisible_to_other_connections_until_the_caller_commits() throws Exception {
        db.tx.executeWithoutResult(status -> {
            db.trail.record(AuditFixture.CLERK, "identity.user.create", "identity.user", "u-1", Map.of());
            try (var other = db.dataSource.getConnection();
                    var rs = other.createStatement().executeQuery("SELECT count(*) FROM audit_record")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void stores_every_field_and_finds_entries_newest_first() {
        MDC.put(RequestIds.MDC_KEY, "req-12345678");
        long first = db.trail.record(
                AuditFixture.CLERK,
                "identity.user.create",
                "identity.user",
                "u-1",
                DivisionCode.of("110115001000"),
                Map.of("name", "李雷", "roles", List.of("OPERATOR")));
        clock.advance(Duration.ofMinutes(1));
        long second = db.trail.recordUnmaskedRead(
                AuditFixture.CLERK, "identity.user", "u-1", List.of("phone", "idNumber", "phone"));

        Page<AuditRecord> page = db.trail.search(AuditQuery.all(), PageRequest.of(0, 10));

        assertThat(page.items()).extracting(AuditRecord::id).containsExactly(second, first);
        AuditRecord created = page.items().get(1);
        assertThat(created.occurredAt()).isEqualTo(Instant.parse("2026-11-24T01:00:00.123456Z"));
        assertThat(created.actorId()).isEqualTo("user-17");
        assertThat(created.actorKind()).isEqualTo(ActorKind.USER);
        assertThat(created.actorName()).isEqualTo("王芳");
        assertThat(created.divisionCode()).isEqualTo("110115001000");
        assertThat(created.details()).containsEntry("name", "李雷").containsEntry("roles", List.of("OPERATOR"));
        assertThat(created.requestId()).isEqualTo("req-12345678");
        AuditRecord unmasked = page.items().get(0);
        assertThat(unmasked.action()).isEqualTo("identity.user.unmask");
        assertThat(unmasked.details()).containsEntry("fields", List.of("idNumber", "phone"));
    }

    @Test
    void search_filters_by_actor_action_prefix_target_and_time() {
        db.trail.record(AuditFixture.CLERK, "identity.user.create", "identity.user", "u-1", Map.of());
        clock.advance(Duration.ofHours(1));
        db.trail.record(AuditFixture.CLERK, "identity.department.create", "identity.department", "d-1", Map.of());
        clock.advance(Duration.ofHours(1));
        db.trail.record(AuditFixture.CLERK, "identity_user.create", "identity.user", "u-2", Map.of());

        assertThat(actions(new AuditQuery(null, "identity.user", null, null, null, null)))
                .as("prefix, with '_' not acting as a wildcard")
                .containsExactly("identity.user.create");
        assertThat(actions(new AuditQuery(null, null, "identity.user", "u-2", null, null)))
                .containsExactly("identity_user.create");
        assertThat(actions(new AuditQuery("user-17", null, null, null, null, null)))
                .hasSize(3);
        assertThat(actions(new AuditQuery("someone-else", null, null, null, null, null)))
                .isEmpty();
        Instant start = Instant.parse("2026-11-24T02:00:00.123456Z");
        assertThat(actions(new AuditQuery(null, null, null, null, start, start.plus(Duration.ofHours(1)))))
                .containsExactly("identity.department.create");
        assertThat(db.trail.search(AuditQuery.all(), PageRequest.of(1, 1)).items())
                .extracting(AuditRecord::action)
                .containsExactly("identity.department.create");
    }

    @Test
    void refuses_malformed_entries_and_inverted_time_ranges() {
        assertThatThrownBy(() -> db.trail.record(AuditFixture.CLERK, "Create User", "identity.user", "u", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.trail.recordUnmaskedRead(AuditFixture.CLERK, "identity.user", "u", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, now, now.minusSeconds(1)))
                .isInstanceOf(org.cityos.kernel.problem.InvalidInput.class);
    }

    @Test
    void the_database_refuses_ordinary_edits_and_deletes_of_the_trail() {
        db.trail.record(AuditFixture.CLERK, "identity.user.create", "identity.user", "u-1", Map.of());
        db.chainer.chainNow();

        for (String sql : List.of(
                "UPDATE audit_record SET actor_name = 'x'",
                "UPDATE audit_record SET chain_seq = chain_seq + 1",
                "DELETE FROM audit_record",
                "TRUNCATE audit_record",
                "UPDATE audit_checkpoint SET key_id = 'x'",
                "DELETE FROM audit_checkpoint")) {
            assertThatThrownBy(() -> db.jdbc.sql(sql).update())
                    .as(sql)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .rootCause()
                    .hasMessageContaining("append-only");
        }
        assertThat(db.trail.verify().intact()).isTrue();
    }

    private List<String> actions(AuditQuery query) {
        return db.trail.search(query, PageRequest.of(0, 50)).items().stream()
                .map(AuditRecord::action)
                .toList();
    }
}
