package org.cityos.basedata;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.basedata.persistence.BatchStore;
import org.cityos.basedata.persistence.GrantStore;
import org.cityos.basedata.persistence.PersonStore;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The population base over a fresh database, wired as the app wires it, with an address linker that
 * knows three doors: 西路88号 in the west town's community, 东路5号 in the east town's, and 建国路1号 in
 * another district (朝阳).
 */
final class PeopleFixture implements AutoCloseable {
    static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    static final DivisionCode WEST = DivisionCode.of("110115001000");
    static final DivisionCode EAST = DivisionCode.of("110115002000");
    static final DepartmentCode PUBLIC_SECURITY = DepartmentCode.of("public-security");
    static final DepartmentCode CIVIL_AFFAIRS = DepartmentCode.of("civil-affairs");

    static final Actor STEWARD = new Actor(
            "steward", ActorKind.USER, "steward", Set.of(Role.DATA_STEWARD), List.of(DISTRICT), Set.of(), true);
    static final Actor WEST_STEWARD = new Actor(
            "west-steward",
            ActorKind.USER,
            "west-steward",
            Set.of(Role.DATA_STEWARD),
            List.of(WEST),
            Set.of(CIVIL_AFFAIRS),
            false);
    static final Actor ADMIN =
            new Actor("admin", ActorKind.USER, "admin", Set.of(Role.SYSTEM_ADMIN), List.of(DISTRICT), Set.of(), true);
    static final Actor OPERATOR =
            new Actor("operator", ActorKind.USER, "operator", Set.of(Role.OPERATOR), List.of(DISTRICT), Set.of(), true);

    final TestDatabase database = TestDatabase.migrated(4);
    final DataSource dataSource = database.dataSource();
    final JdbcClient jdbc = database.jdbc();
    final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    final People people;
    final Organisations organisations;

    PeopleFixture() {
        AuditTrail audit = new AuditTrail(
                new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        PersonImport imports =
                new PersonImport(dataSource, new DataSourceTransactionManager(dataSource), PeopleFixture::link, clock);
        organisations = new Organisations(
                new org.cityos.basedata.persistence.OrganisationStore(dataSource),
                new BatchStore(jdbc),
                new DataSourceTransactionManager(dataSource),
                PeopleFixture::link,
                new UnmaskCheck(new GrantStore(jdbc), clock),
                audit,
                clock);
        people = new People(
                imports, new PersonStore(dataSource), new BatchStore(jdbc), new GrantStore(jdbc), audit, clock, meters);
    }

    static AddressLink link(String text) {
        String canonical = text.replace(" ", "").replace("北京市", "").replace("八十八", "88");
        if (canonical.contains("西路88号")) {
            return new AddressLink(text, "大兴区西镇西路88号", 1L, 0.95, "110115001001");
        }
        if (canonical.contains("东路5号")) {
            return new AddressLink(text, "大兴区东镇东路5号", 2L, 0.95, "110115002001");
        }
        if (canonical.contains("建国路1号")) {
            return new AddressLink(text, "朝阳区建国路1号", 3L, 0.95, "110105001001");
        }
        return AddressLink.unlinked(text, canonical);
    }

    ImportReport load(Actor actor, DepartmentCode department, String csv, Charset charset) {
        return people.importFile(
                actor,
                new ByteArrayInputStream(csv.getBytes(charset)),
                new People.ImportFile(department.value(), department + ".csv", null, Map.of(), true),
                true);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Override
    public void close() {
        database.close();
    }
}
