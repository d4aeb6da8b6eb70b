package org.cityos.simulator.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cityos.simulator.world.Geography;
import tools.jackson.databind.JsonNode;

/**
 * The district's handlers, enlisted through the user API as the signed-in administrator: one department handler per
 * active department (unit {@code dept:<code>}) and one town handler per town (unit {@code town:<code>}), named
 * {@code sim-…} so they are recognisably synthetic. Each gets a fresh random password for this run; a handler left
 * by an earlier run has its password reset and changed, so a run never needs another run's secrets. The grid workers
 * are {@link GridStaff}'s.
 */
public final class Staff {
    /** One handler: its user name, the casework unit it works for, and this run's password. */
    public record Handler(String user, String unit, String password) {}

    private final CityOsClient admin;
    private final UserAccounts accounts;
    private final Consumer<String> progress;

    public Staff(CityOsClient admin, Consumer<String> progress) {
        this.admin = admin;
        this.accounts = new UserAccounts(admin);
        this.progress = progress;
    }

    /** Enlists a handler for every active department and every town; answers them in that order. */
    public List<Handler> enlist(String districtCode, List<Geography.Division> towns) {
        Map<String, String> existing = accounts.existing();
        List<Handler> handlers = new ArrayList<>();
        for (JsonNode d : admin.get("/api/departments")) {
            if (!d.path("active").asBoolean(true)) {
                continue;
            }
            String code = d.path("code").asString();
            handlers.add(handler(
                    existing,
                    "sim-dept-" + code,
                    "模拟" + d.path("shortName").asString(code) + "处置员",
                    "dept:" + code,
                    Map.of(
                            "roles", List.of("DEPARTMENT_HANDLER"),
                            "divisions", List.of(districtCode),
                            "departments", List.of(code),
                            "allDepartments", false)));
        }
        for (Geography.Division town : towns) {
            handlers.add(handler(
                    existing,
                    "sim-town-" + town.code(),
                    "模拟" + town.name() + "处置员",
                    "town:" + town.code(),
                    Map.of(
                            "roles", List.of("TOWN_HANDLER"),
                            "divisions", List.of(town.code()),
                            "departments", List.of(),
                            "allDepartments", false)));
        }
        progress.accept("staff: " + handlers.size() + " handlers (" + (handlers.size() - towns.size())
                + " departments, " + towns.size() + " towns)");
        return handlers;
    }

    private Handler handler(
            Map<String, String> existing, String user, String name, String unit, Map<String, Object> scope) {
        String password = accounts.newPassword();
        String id = existing.get(user);
        if (id == null) {
            accounts.register(user, name, scope, password);
        } else {
            accounts.givePassword(id, user, password);
        }
        return new Handler(user, unit, password);
    }
}
