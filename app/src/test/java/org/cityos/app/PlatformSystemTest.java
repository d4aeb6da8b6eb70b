package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import tools.jackson.databind.JsonNode;

/** The foundation as a client sees it: readiness, the division tree, scope, problems, credentials. */
class PlatformSystemTest extends SystemTest {
    @Autowired
    FilterChainProxy securityFilters;

    /**
     * Every request passes Spring Security's filters; with observations on each one is wrapped in an observation
     * decorator that cost measurable CPU per request (the shared-data benchmark's profile), so they are off.
     */
    @Test
    void securityFiltersRunUnwrappedWithoutObservationDecorators() {
        assertThat(securityFilters.getFilterChains()).isNotEmpty();
        securityFilters
                .getFilterChains()
                .forEach(chain -> assertThat(chain.getFilters())
                        .isNotEmpty()
                        .allSatisfy(filter ->
                                assertThat(filter.getClass().getName()).doesNotContain("Observation")));
    }

    @Test
    void readinessIsUpAndTheOpenApiDocumentIsPublic() {
        Api.Response ready = api.get("/actuator/health/readiness", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("UP");
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/divisions/tree")).isTrue();
        assertThat(docs.json().get("paths").has("/api/auth/login")).isTrue();
    }

    @Test
    void everyApiNeedsCredentials() {
        for (String path : List.of("/api/divisions/tree", "/api/users", "/api/audit/verify", "/actuator/prometheus")) {
            Api.Response r = api.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).endsWith("/unauthenticated");
        }
        assertThat(api.get("/api/divisions/tree", "cos_not-a-real-token").status())
                .isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", admin()).status()).isEqualTo(200);
    }

    @Test
    void divisionTreeHoldsTheDistrictsTownshipUnits() {
        JsonNode tree = api.get("/api/divisions/tree", admin()).json();
        assertThat(tree).hasSize(1);
        JsonNode district = tree.get(0);
        assertThat(district.get("division").get("code").asString()).isEqualTo(DISTRICT);
        assertThat(district.get("division").get("name").asString()).isEqualTo("大兴区");
        JsonNode children = district.get("children");
        assertThat(children).hasSize(26);
        assertThat(children.get(0).get("division").get("code").asString()).isEqualTo("110115001000");
        assertThat(children.get(0).get("division").get("name").asString()).isEqualTo("兴丰街道");
        assertThat(children.get(0).get("division").get("kind").asString()).isEqualTo("SUBDISTRICT");
        boolean huangcun = false;
        for (JsonNode child : children) {
            huangcun |= child.get("division").get("code").asString().equals("110115005000")
                    && child.get("division").get("name").asString().equals("黄村地区");
        }
        assertThat(huangcun).isTrue();
    }

    @Test
    void aTownHandlerSeesOwnTownAndIsRefusedAnothers() {
        String townA = api.login("town-a", DEMO_PASSWORD);
        assertThat(api.get("/api/divisions/110115001000", townA).status()).isEqualTo(200);
        Api.Response other = api.get("/api/divisions/110115002000", townA);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("type").asString()).endsWith("/access-denied");
        assertThat(api.get("/api/divisions/tree?root=110115002000", townA).status())
                .isEqualTo(403);
        JsonNode own = api.get("/api/divisions/tree", townA).json();
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("division").get("code").asString()).isEqualTo("110115001000");
        JsonNode listed = api.get("/api/divisions?level=TOWN", townA).json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void problemsSpeakChineseByDefaultAndEnglishOnRequest() {
        String token = admin();
        Api.Response zh = api.get("/api/divisions/110115999000", token);
        assertThat(zh.status()).isEqualTo(404);
        assertThat(zh.json().get("detail").asString()).contains("不存在");
        assertThat(zh.json().get("title").asString()).isEqualTo("未找到");
        assertThat(zh.json().get("requestId").asString()).isNotBlank();
        Api.Response en = api.get("/api/divisions/110115999000", token, Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(en.json().get("detail").asString()).isEqualTo("Division 110115999000 does not exist.");
        assertThat(en.json().get("type").asString()).isEqualTo("https://cityos.org/problems/unknown-division");
        Api.Response badCode = api.get("/api/divisions/11011x", token);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }

    @Test
    void stoppedRequestsNeverBecome500s() {
        String token = admin();
        Api.Response malformed = api.post("/api/users", token, "{\"username\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).endsWith("/malformed-body");

        Api.Response unknownDivision = api.post("/api/users", token, user("ghost1", "110115999000"));
        assertThat(unknownDivision.status()).isEqualTo(400);
        assertThat(unknownDivision.json().get("errors").get(0).get("field").asString())
                .isEqualTo("divisions[0]");

        Api.Response invalidDivision = api.post("/api/users", token, user("ghost2", "12345"));
        assertThat(invalidDivision.status()).isEqualTo(400);

        assertThat(api.post("/api/users", token, user("dupe", "110115001000")).status())
                .isEqualTo(201);
        Api.Response duplicate = api.post("/api/users", token, user("dupe", "110115001000"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asString()).endsWith("/username-taken");

        Map<String, Object> weak = new java.util.HashMap<>(user("weakling", "110115001000"));
        weak.put("password", "password1");
        Api.Response weakPassword = api.post("/api/users", token, weak);
        assertThat(weakPassword.status()).isEqualTo(400);
        assertThat(weakPassword.json().get("errors").get(0).get("field").asString())
                .isEqualTo("password");

        byte[] huge = ("{\"username\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        Api.Response oversized = api.raw("POST", "/api/users", token, Map.of("Content-Type", "application/json"), huge);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.contentType()).startsWith("application/problem+json");

        Api.Response wrongType =
                api.raw("POST", "/api/users", token, Map.of("Content-Type", "text/plain"), "username=x".getBytes());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("type").asString()).endsWith("/unsupported-media-type");

        assertThat(api.get("/api/users/not-a-uuid", token).status()).isEqualTo(400);
        assertThat(api.get("/api/no-such-thing", token).status()).isEqualTo(404);
        assertThat(api.delete("/api/divisions/tree", token).status()).isEqualTo(405);
        assertThat(api.get("/api/divisions?limit=100000", token).status()).isEqualTo(400);
    }

    static Map<String, Object> user(String username, String division) {
        return Map.of(
                "username", username,
                "displayName", "测试用户",
                "phone", "13812345678",
                "password", "Strong-Pass-2026",
                "scope", Map.of("roles", List.of("TOWN_HANDLER"), "divisions", List.of(division)));
    }
}
