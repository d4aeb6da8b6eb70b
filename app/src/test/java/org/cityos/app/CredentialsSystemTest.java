package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sign-in, lock-out, one-time passwords, API keys, the cookie session and personal-data masking. */
class CredentialsSystemTest extends SystemTest {

    @Test
    void wrongPasswordsLockTheAccountUntilUnlocked() {
        String admin = admin();
        String id = api.post("/api/users", admin, PlatformSystemTest.user("locky", "110115003000"))
                .json()
                .get("user")
                .get("id")
                .asString();
        for (int i = 0; i < 4; i++) {
            Api.Response wrong = api.post("/api/auth/login", null, Map.of("username", "locky", "password", "nope"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("type").asString()).endsWith("/invalid-credentials");
        }
        Api.Response fifth = api.post("/api/auth/login", null, Map.of("username", "locky", "password", "nope"));
        assertThat(fifth.status()).isEqualTo(423);
        Api.Response evenRight =
                api.post("/api/auth/login", null, Map.of("username", "locky", "password", "Strong-Pass-2026"));
        assertThat(evenRight.status()).isEqualTo(423);
        assertThat(api.post("/api/users/" + id + "/unlock", admin, "{}").status())
                .isEqualTo(204);
        assertThat(api.login("locky", "Strong-Pass-2026")).startsWith("cos_");
        long audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE target_id = ? AND action IN"
                        + " ('identity.session.sign-in-failed', 'identity.user.locked', 'identity.user.unlock')")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(6);
    }

    @Test
    void unknownUsersAndWrongPasswordsLookAlike() {
        Api.Response unknown = api.post("/api/auth/login", null, Map.of("username", "nobody", "password", "x"));
        Api.Response wrong = api.post("/api/auth/login", null, Map.of("username", "leader", "password", "x"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
    }

    @Test
    void aGeneratedPasswordMustBeChangedBeforeAnythingElse() {
        Map<String, Object> body = new java.util.HashMap<>(PlatformSystemTest.user("newbie", "110115004000"));
        body.remove("password");
        Api.Response created = api.post("/api/users", admin(), body);
        String oneTime = created.json().get("oneTimePassword").asString();
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
        String token = api.login("newbie", oneTime);
        assertThat(api.get("/api/divisions/tree", token).json().get("type").asString())
                .endsWith("/password-change-required");
        assertThat(api.get("/api/auth/me", token)
                        .json()
                        .get("mustChangePassword")
                        .asBoolean())
                .isTrue();
        Api.Response weak =
                api.post("/api/auth/password", token, Map.of("currentPassword", oneTime, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(api.post(
                                "/api/auth/password",
                                token,
                                Map.of("currentPassword", oneTime, "newPassword", "Another-Strong-2026"))
                        .status())
                .isEqualTo(204);
        String fresh = api.login("newbie", "Another-Strong-2026");
        assertThat(api.get("/api/divisions/tree", fresh).status()).isEqualTo(200);
    }

    @Test
    void signOutEndsTheSession() {
        String token = api.login("leader", DEMO_PASSWORD);
        assertThat(api.get("/api/auth/me", token).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/logout", token, "{}").status()).isEqualTo(204);
        assertThat(api.get("/api/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void apiKeysWorkUntilRevokedAndAreStoredAsDigests() {
        String admin = admin();
        Api.Response created = api.post(
                "/api/api-keys",
                admin,
                Map.of(
                        "name",
                        "城运中心大屏",
                        "scope",
                        Map.of("roles", List.of("LEADER"), "divisions", List.of(DISTRICT), "allDepartments", true)));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String id = created.json().get("key").get("id").asString();
        assertThat(secret).startsWith("cok_");
        assertThat(api.get("/api/divisions/tree", secret).status()).isEqualTo(200);
        assertThat(api.post("/api/users", secret, PlatformSystemTest.user("viakey", "110115001000"))
                        .status())
                .isEqualTo(403);
        long byDigest = jdbc.sql(
                        "SELECT count(*) FROM identity_api_key WHERE key_digest = sha256(convert_to(?, 'UTF8'))"
                                + " AND strpos(key_prefix, ?) = 0")
                .params(secret, secret.substring(12))
                .query(Long.class)
                .single();
        assertThat(byDigest).isEqualTo(1);
        assertThat(api.delete("/api/api-keys/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/divisions/tree", secret).status()).isEqualTo(401);
    }

    @Test
    void keysCannotGrantMoreThanTheirCreatorHolds() {
        String steward = api.login("steward", DEMO_PASSWORD);
        Api.Response r = api.post(
                "/api/api-keys",
                steward,
                Map.of("name", "x", "scope", Map.of("roles", List.of("SYSTEM_ADMIN"), "divisions", List.of(DISTRICT))));
        assertThat(r.status()).isEqualTo(403);
        String townA = api.login("town-a", DEMO_PASSWORD);
        assertThat(api.post("/api/users", townA, PlatformSystemTest.user("x1", "110115001000"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theWebSessionCookieNeedsTheClientHeaderToWrite() {
        Api.Response login = api.post("/api/auth/login", null, Map.of("username", "admin", "password", DEMO_PASSWORD));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertThat(api.get("/api/auth/me", null, Map.of("Cookie", pair)).status())
                .isEqualTo(200);
        byte[] body = "{\"code\":\"sports\",\"name\":\"区体育局\",\"shortName\":\"体育局\"}".getBytes();
        Api.Response forged = api.raw(
                "POST", "/api/departments", null, Map.of("Cookie", pair, "Content-Type", "application/json"), body);
        assertThat(forged.status()).isEqualTo(403);
        Api.Response fromUi = api.raw(
                "POST",
                "/api/departments",
                null,
                Map.of("Cookie", pair, "Content-Type", "application/json", "X-CityOS-Client", "web"),
                body);
        assertThat(fromUi.status()).isEqualTo(201);
        assertThat(fromUi.json().get("code").asString()).isEqualTo("sports");
    }

    @Test
    void personalDataIsMaskedUnlessUnmaskedWithPermissionAndThatIsAudited() {
        String admin = admin();
        String id = api.post("/api/users", admin, PlatformSystemTest.user("phoney", "110115006000"))
                .json()
                .get("user")
                .get("id")
                .asString();
        JsonNode masked = api.get("/api/users/" + id, admin).json();
        assertThat(masked.get("phone").asString()).isEqualTo("138****5678");
        assertThat(masked.get("displayName").asString()).isEqualTo("测**户");
        assertThat(masked.get("masked").asBoolean()).isTrue();

        String operator = api.login("operator", DEMO_PASSWORD);
        assertThat(api.get("/api/users/" + id, operator).json().get("phone").asString())
                .isEqualTo("138****5678");
        assertThat(api.get("/api/users/" + id + "?unmask=true", operator).status())
                .isEqualTo(403);

        JsonNode clear = api.get("/api/users/" + id + "?unmask=true", admin).json();
        assertThat(clear.get("phone").asString()).isEqualTo("13812345678");
        long reads = jdbc.sql("SELECT count(*) FROM audit_record WHERE target_id = ? AND action LIKE '%unmask%'")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(reads).isEqualTo(1);
    }
}
