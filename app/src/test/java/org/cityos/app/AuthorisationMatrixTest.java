package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role × endpoint × in-scope/out-of-scope: every call is allowed exactly when the role holds the
 * permission and, for division-bound calls, the target lies in the actor's scope; otherwise 403.
 */
class AuthorisationMatrixTest extends SystemTest {
    private static final String TOWN = "110115001000";
    private static final String COMMUNITY = "110115001900";
    private static final String OTHER_TOWN = "110115002000";
    private static final AtomicInteger SERIAL = new AtomicInteger(100);
    private static final Map<String, String> TOKENS = new HashMap<>();

    /** Who acts: a role, where it is scoped, and its in-scope target. */
    record Subject(String username, Role role, String scope, boolean allDepartments) {
        String inScope() {
            return scope.equals(DISTRICT) ? TOWN : scope;
        }
    }

    /** One endpoint: the permission it needs and whether a division scope applies. */
    record Endpoint(String name, Permission needs, boolean divisionBound) {}

    private static final List<Subject> SUBJECTS = List.of(
            new Subject("admin", Role.SYSTEM_ADMIN, DISTRICT, true),
            new Subject("m-admin-t", Role.SYSTEM_ADMIN, TOWN, false),
            new Subject("m-operator", Role.OPERATOR, DISTRICT, true),
            new Subject("m-leader", Role.LEADER, DISTRICT, true),
            new Subject("m-auditor", Role.AUDITOR, DISTRICT, true),
            new Subject("m-steward", Role.DATA_STEWARD, DISTRICT, true),
            new Subject("m-steward-t", Role.DATA_STEWARD, TOWN, false),
            new Subject("m-dept", Role.DEPARTMENT_HANDLER, DISTRICT, false),
            new Subject("m-town", Role.TOWN_HANDLER, TOWN, false),
            new Subject("m-community", Role.COMMUNITY_HANDLER, COMMUNITY, false),
            new Subject("m-grid", Role.GRID_WORKER, COMMUNITY, false));

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET division tree", Permission.DIVISION_READ, true),
            new Endpoint("GET division", Permission.DIVISION_READ, true),
            new Endpoint("POST division", Permission.DIVISION_WRITE, true),
            new Endpoint("PUT division", Permission.DIVISION_WRITE, true),
            new Endpoint("GET departments", Permission.DEPARTMENT_READ, false),
            new Endpoint("POST department", Permission.DEPARTMENT_WRITE, false),
            new Endpoint("GET users", Permission.USER_READ, false),
            new Endpoint("POST user", Permission.USER_WRITE, true),
            new Endpoint("GET api keys", Permission.API_KEY_MANAGE, false),
            new Endpoint("GET audit records", Permission.AUDIT_READ, false),
            new Endpoint("GET audit verify", Permission.AUDIT_VERIFY, false),
            new Endpoint("GET parked events", Permission.EVENT_ADMIN, false),
            new Endpoint("GET alarms", Permission.ALARM_READ, false),
            new Endpoint("GET alarm channels", Permission.ALARM_READ, false),
            new Endpoint("POST rule", Permission.RULE_WRITE, true),
            new Endpoint("GET cases", Permission.CASE_READ, false),
            new Endpoint("GET case inbox", Permission.CASE_READ, false),
            new Endpoint("POST hotline call", Permission.CASE_INTAKE, false),
            new Endpoint("GET case rates", Permission.CASE_REPORT, false),
            new Endpoint("POST dispatch rule", Permission.CASE_CONFIGURE, false));

    @BeforeEach
    void subjects() {
        if (!TOKENS.isEmpty()) {
            return;
        }
        String admin = admin();
        if (api.get("/api/divisions/" + COMMUNITY, admin).status() == 404) {
            assertThat(api.post(
                                    "/api/divisions",
                                    admin,
                                    Map.of("code", COMMUNITY, "kind", "COMMUNITY", "name", "矩阵测试社区"))
                            .status())
                    .isEqualTo(201);
        }
        for (Subject s : SUBJECTS) {
            if (!s.username().equals("admin")) {
                Api.Response r = api.post(
                        "/api/users",
                        admin,
                        Map.of(
                                "username",
                                s.username(),
                                "displayName",
                                "矩阵 " + s.role(),
                                "password",
                                "Matrix-Pass-2026",
                                "scope",
                                Map.of(
                                        "roles",
                                        List.of(s.role().name()),
                                        "divisions",
                                        List.of(s.scope()),
                                        "allDepartments",
                                        s.allDepartments())));
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
            }
            TOKENS.put(
                    s.username(),
                    api.login(s.username(), s.username().equals("admin") ? DEMO_PASSWORD : "Matrix-Pass-2026"));
        }
    }

    @Test
    void everyRoleGetsExactlyWhatItsPermissionsAndScopeAllow() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Subject s : SUBJECTS) {
            for (Endpoint e : ENDPOINTS) {
                for (boolean inScope : List.of(true, false)) {
                    String target = inScope ? s.inScope() : OTHER_TOWN;
                    boolean allowed = s.role().permissions().contains(e.needs())
                            && (!e.divisionBound() || inScope || s.scope().equals(DISTRICT));
                    long auditBefore = auditRecords();
                    int status = call(e, TOKENS.get(s.username()), target);
                    calls++;
                    boolean ok = allowed ? status >= 200 && status < 300 : status == 403;
                    boolean write = !e.name().startsWith("GET");
                    if (write && status >= 200 && status < 300 && auditRecords() <= auditBefore) {
                        wrong.add(s.username() + " " + e.name() + " changed state without an audit record");
                    }
                    if (write && status == 403 && auditRecords() != auditBefore) {
                        wrong.add(s.username() + " " + e.name() + " was refused but left an audit record");
                    }
                    if (!ok) {
                        wrong.add(s.username() + " " + e.name() + (inScope ? " in " : " out ") + target + " -> "
                                + status + " (expected " + (allowed ? "2xx" : "403") + ")");
                    }
                }
            }
        }
        assertThat(calls).isEqualTo(SUBJECTS.size() * ENDPOINTS.size() * 2);
        assertThat(wrong).isEmpty();
    }

    @Test
    void rolesCoverTheDistrictsPeople() {
        Set<Role> tested = EnumSet.noneOf(Role.class);
        SUBJECTS.forEach(s -> tested.add(s.role()));
        assertThat(tested).containsExactlyInAnyOrder(Role.values());
    }

    private long auditRecords() {
        return jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
    }

    private int call(Endpoint e, String token, String target) {
        int serial = SERIAL.incrementAndGet();
        return switch (e.name()) {
            case "GET division tree" ->
                api.get("/api/divisions/tree?root=" + target, token).status();
            case "GET division" -> api.get("/api/divisions/" + target, token).status();
            case "POST division" ->
                api.post("/api/divisions", token, childOf(target, serial)).status();
            case "PUT division" -> {
                // read straight from the table: a sign-in to read it would itself be audited
                Map<String, Object> current = jdbc.sql(
                                "SELECT kind, name, version FROM spatial_division WHERE code = ?")
                        .param(target)
                        .query()
                        .singleRow();
                yield api.put("/api/divisions/" + target, token, current).status();
            }
            case "GET departments" -> api.get("/api/departments", token).status();
            case "POST department" ->
                api.post(
                                "/api/departments",
                                token,
                                Map.of("code", "matrix-" + serial, "name", "矩阵部门" + serial, "shortName", "矩阵" + serial))
                        .status();
            case "GET users" -> api.get("/api/users", token).status();
            case "POST user" ->
                api.post(
                                "/api/users",
                                token,
                                Map.of(
                                        "username",
                                        "mx" + serial,
                                        "displayName",
                                        "矩阵新用户",
                                        "password",
                                        "Matrix-Pass-2026",
                                        "scope",
                                        Map.of("roles", List.of("GRID_WORKER"), "divisions", List.of(target))))
                        .status();
            case "GET api keys" -> api.get("/api/api-keys", token).status();
            case "GET audit records" -> api.get("/api/audit/records", token).status();
            case "GET audit verify" -> api.get("/api/audit/verify", token).status();
            case "GET parked events" -> api.get("/api/events/parked", token).status();
            case "GET alarms" -> api.get("/api/alerting/alarms", token).status();
            case "GET alarm channels" ->
                api.get("/api/alerting/channels", token).status();
            case "POST rule" ->
                api.post(
                                "/api/alerting/rules?enabled=false",
                                token,
                                Map.of(
                                        "name", "矩阵规则",
                                        "kind", "THRESHOLD",
                                        "severity", "BLUE",
                                        "scope",
                                                Map.of(
                                                        "deviceTypes",
                                                        List.of("rain-gauge"),
                                                        "divisions",
                                                        List.of(target)),
                                        "condition", "precipitation > 500"))
                        .status();
            case "GET cases" -> api.get("/api/casework/cases", token).status();
            case "GET case inbox" -> api.get("/api/casework/inbox", token).status();
            case "POST hotline call" ->
                api.post(
                                "/api/casework/intake/hotline",
                                token,
                                Map.of("ticket", "MX-" + serial, "title", "矩阵诉求", "content", "矩阵测试的诉求内容"))
                        .status();
            case "GET case rates" -> api.get("/api/casework/rates", token).status();
            case "POST dispatch rule" ->
                api.post(
                                "/api/casework/dispatch-rules",
                                token,
                                Map.of("categoryPrefix", "MX" + serial, "unit", "dept:urban-management"))
                        .status();
            default -> throw new IllegalArgumentException(e.name());
        };
    }

    private static Map<String, Object> childOf(String target, int serial) {
        if (target.endsWith("000")) {
            return Map.of("code", target.substring(0, 9) + serial, "kind", "COMMUNITY", "name", "矩阵社区" + serial);
        }
        return Map.of("code", target + serial, "kind", "GRID", "name", "矩阵网格" + serial);
    }
}
