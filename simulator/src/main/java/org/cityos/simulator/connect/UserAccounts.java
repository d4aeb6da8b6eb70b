package org.cityos.simulator.connect;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The user API as the signed-in administrator uses it to enlist the simulator's staff: who of the {@code sim-} users
 * exists already, registering one, and giving one this run's password. Every password CityOS takes or checks costs it
 * a bcrypt hash, so callers decide who needs one.
 */
final class UserAccounts {
    private static final int PAGE = 1_000;

    private final CityOsClient admin;
    private final SecureRandom random = new SecureRandom();

    UserAccounts(CityOsClient admin) {
        this.admin = admin;
    }

    /** User name → id of every {@code sim-} user already registered. */
    Map<String, String> existing() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode page = admin.get("/api/users?offset=" + offset + "&limit=" + PAGE);
            for (JsonNode u : page.path("items")) {
                String name = u.path("username").asString();
                if (name.startsWith("sim-")) {
                    ids.put(name, u.path("id").asString());
                }
            }
            if (offset + PAGE >= page.path("total").asLong()) {
                return ids;
            }
        }
    }

    /**
     * Registers a user with {@code scope}. With a null {@code password} CityOS generates a one-time one that nobody
     * keeps: the user exists, but cannot sign in until an administrator resets its password.
     */
    void register(String user, String displayName, Map<String, Object> scope, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user);
        body.put("displayName", displayName);
        if (password != null) {
            body.put("password", password);
        }
        body.put("scope", scope);
        admin.postJson("/api/users", body);
    }

    /** Gives an existing user {@code password}: reset to a one-time password, then signed in as it and changed. */
    void givePassword(String id, String user, String password) {
        String oneTime = admin.postJson("/api/users/" + id + "/reset-password", Map.of())
                .path("oneTimePassword")
                .asString();
        CityOsClient self = new CityOsClient(admin.base());
        self.login(user, oneTime);
        self.postJson("/api/auth/password", Map.of("currentPassword", oneTime, "newPassword", password));
    }

    /** A fresh random password that CityOS's password policy accepts. */
    String newPassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return "Sim-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-7a";
    }
}
