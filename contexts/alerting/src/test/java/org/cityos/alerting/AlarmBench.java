package org.cityos.alerting;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.cityos.alerting.internal.alarms.AlarmPolicy;
import org.cityos.alerting.internal.engine.DeviceCatalog;
import org.cityos.alerting.internal.engine.DeviceFacts;
import org.cityos.alerting.internal.engine.TypeFacts;
import org.cityos.alerting.internal.expr.VarType;
import org.cityos.alerting.persistence.AlarmRepository;
import org.cityos.alerting.persistence.AlarmRow;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.outbox.EventProperties;
import org.cityos.outbox.OutboxEventBus;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alarm store as every node shares it: a fresh database (audit, outbox and alerting migrations), the real outbox
 * as event bus (never relayed: tests read {@code outbox_event}), the audit trail, a clock the tests move, and an
 * in-memory device registry. Nodes ({@link AlarmNode}) are built over it, so a restart is simply a second node.
 */
final class AlarmBench implements AutoCloseable {
    static final String TYPE = "waterlogging-level";
    static final String WEST = "110115001001";
    static final String EAST = "110115002001";
    static final Actor SYSTEM = Actor.system("test");
    static final Actor OPERATOR = actor("operator", Role.OPERATOR, "110115000000");
    static final Actor EAST_OPERATOR = actor("east-operator", Role.OPERATOR, "110115002000");
    static final Actor WEST_WORKER = actor("west-worker", Role.GRID_WORKER, "110115001000");

    final MutableClock clock = MutableClock.at("2026-11-24T08:00:00Z");
    final AlarmPolicy policy;
    final TestDatabase database;
    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate tx;
    final OutboxEventBus bus;
    final AuditTrail audit;
    final AlarmRepository alarms;
    final Registry devices = new Registry();

    AlarmBench(AlarmPolicy policy) {
        this.policy = policy;
        database = database();
        dataSource = database.dataSource();
        jdbc = database.jdbc();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        tx = new TransactionTemplate(transactions);
        bus = new OutboxEventBus(dataSource, transactions, clock, EventProperties.defaults());
        audit = new AuditTrail(
                new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        alarms = new AlarmRepository(jdbc);
        devices.type(TYPE, "currentLevel", VarType.NUMBER, "battery", VarType.NUMBER);
        devices.device("w1", WEST, 116.30, 39.60);
        devices.device("w2", WEST, 116.31, 39.61);
        devices.device("e1", EAST, 116.55, 39.65);
    }

    AlarmBench() {
        this(AlarmPolicy.defaults());
    }

    /** A fresh database holding what alerting writes to: its own tables, the audit trail's and the outbox. */
    static TestDatabase database() {
        return TestDatabase.migrated(
                8, "classpath:db/migration/audit", "classpath:db/migration/outbox", "classpath:db/migration/alerting");
    }

    static Actor actor(String id, Role role, String division) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(DivisionCode.of(division)), Set.of(), false);
    }

    /** A THRESHOLD rule on the water level, {@code currentLevel > 0.3}. */
    static RuleDraft threshold(Severity severity) {
        return RuleDraft.threshold("积水监测", severity, RuleScope.ofTypes(TYPE), "currentLevel > 0.3")
                .withProperty("currentLevel");
    }

    /** A DURATION rule: the water level above 0.3 for {@code window}. */
    static RuleDraft duration(Duration window) {
        return threshold(Severity.ORANGE).withKind(RuleKind.DURATION, window);
    }

    /** The draft with its own acknowledgement deadline. */
    static RuleDraft ackWithin(RuleDraft d, Duration ack) {
        return new RuleDraft(
                d.name(),
                d.description(),
                d.kind(),
                d.severity(),
                d.scope(),
                d.property(),
                d.condition(),
                d.clearCondition(),
                d.window(),
                d.aggregation(),
                d.geofence(),
                d.companion(),
                d.eventName(),
                ack,
                d.title());
    }

    AlarmNode node() {
        return new AlarmNode(this, bus);
    }

    void pass(Duration d) {
        clock.advance(d);
    }

    /** The rule's alarms, oldest first. */
    List<AlarmRow> alarmsOf(RuleId rule) {
        return jdbc
                .sql("SELECT id FROM alerting_alarm WHERE rule_id = ? ORDER BY raised_at, id")
                .param(rule.value())
                .query(String.class)
                .list()
                .stream()
                .map(id -> alarms.find(id, false).orElseThrow())
                .toList();
    }

    /** The rule's only alarm. */
    AlarmRow only(RuleId rule) {
        List<AlarmRow> all = alarmsOf(rule);
        if (all.size() != 1) {
            throw new AssertionError("expected one alarm of rule " + rule + ", found " + all);
        }
        return all.get(0);
    }

    AlarmRow reload(AlarmRow r) {
        return alarms.find(r.id(), false).orElseThrow();
    }

    /** Step actions of the alarm, in order. */
    List<String> steps(String alarmId) {
        return alarms.steps(alarmId).stream().map(AlarmRepository.Step::action).toList();
    }

    /** Types of the events stored in the outbox for the alarm, in order. */
    List<String> events(String alarmId) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE key = ? ORDER BY id")
                .param(alarmId)
                .query(String.class)
                .list();
    }

    /** A field of the alarm's stored events of one type, in order ({@code by}, {@code alarm.escalationLevel}, …). */
    List<String> eventField(String alarmId, String type, String path) {
        return jdbc.sql("SELECT payload #>> ? FROM outbox_event WHERE key = ? AND type = ? ORDER BY id")
                .params(path.split("\\."), alarmId, type)
                .query(String.class)
                .list();
    }

    /** "action by actor" of the audit records about the target, in order. */
    List<String> audits(String targetId) {
        return jdbc.sql("SELECT action || ' by ' || actor_id FROM audit_record WHERE target_id = ? ORDER BY id")
                .param(targetId)
                .query(String.class)
                .list();
    }

    @Override
    public void close() {
        bus.stop();
        database.close();
    }

    /** The device registry as the engine sees it: a few water-level sensors in two towns. */
    static final class Registry implements DeviceCatalog {
        private final Map<String, DeviceFacts> devices = new LinkedHashMap<>();
        private final Map<String, TypeFacts> types = new LinkedHashMap<>();

        void type(String code, Object... nameAndType) {
            LinkedHashMap<String, VarType> p = new LinkedHashMap<>();
            for (int i = 0; i < nameAndType.length; i += 2) {
                p.put((String) nameAndType[i], (VarType) nameAndType[i + 1]);
            }
            types.put(code, new TypeFacts(code, p));
        }

        void device(String id, String division, double lon, double lat) {
            devices.put(id, new DeviceFacts(id, TYPE, division, "water", List.of(), GeoPoint.of(lon, lat)));
        }

        @Override
        public Optional<DeviceFacts> device(String id) {
            return Optional.ofNullable(devices.get(id));
        }

        @Override
        public void ofType(String typeCode, Consumer<DeviceFacts> each) {
            devices.values().stream()
                    .filter(d -> d.typeCode().equals(typeCode))
                    .toList()
                    .forEach(each);
        }

        @Override
        public Optional<TypeFacts> type(String code) {
            return Optional.ofNullable(types.get(code));
        }
    }
}
