package org.cityos.simulator.connect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.Geography;
import org.cityos.simulator.world.GridArea;
import tools.jackson.databind.JsonNode;

/**
 * The district's grid workers (网格员), enlisted through the user API as the signed-in administrator: one per grid of
 * the given towns, user {@code sim-grid-<grid code>}, named 模拟<grid name>网格员, role GRID_WORKER scoped to the grid,
 * so that CityOS lets them report from it, see its cases and act for unit {@code grid:<code>}.
 *
 * <p>Only the grid workers <em>on patrol</em> act, and only they get a password. Every password CityOS takes or
 * checks costs it a bcrypt hash, and the full district has about 2,000 grids: giving every grid worker this run's
 * password the way {@link Staff} does for handlers (reset, sign in, change — five hashes for a user an earlier run
 * left) would cost some 10,000 hashes at every start. So the patrol is a sample of grids drawn with the seed (the same
 * grids on every run of one seed), and only their workers get this run's password: registered with it when new,
 * reset and changed when an earlier run left them. The others are registered once without a password — CityOS makes
 * a one-time password that nobody keeps, so they cannot sign in until an administrator resets it — and later runs
 * leave them alone. A run thus costs one hash per grid worker it registers (once per CityOS) and a handful per grid
 * worker on patrol, whatever the size of the district.
 */
public final class GridStaff {
    /** A grid worker on patrol: its user, its grid with the grid's outline, and this run's password. */
    public record Patrol(String user, GridArea grid, String password) {}

    /** The enlisted grid workers: how many there are, how many this run registered, and those on patrol. */
    public record Enlisted(int gridWorkers, int registered, List<Patrol> patrols) {}

    /** A grid as CityOS lists it. */
    record Grid(String code, String name) {}

    private static final int PAGE = 1_000;
    private static final int PROGRESS_EVERY = 500;

    private final CityOsClient admin;
    private final UserAccounts accounts;
    private final Consumer<String> progress;

    public GridStaff(CityOsClient admin, Consumer<String> progress) {
        this.admin = admin;
        this.accounts = new UserAccounts(admin);
        this.progress = progress;
    }

    /** The user name of the grid worker of {@code grid}. */
    public static String user(String grid) {
        return "sim-grid-" + grid;
    }

    /**
     * Enlists a grid worker for every grid of {@code towns} and puts {@code onPatrol} of them on patrol (fewer when
     * the towns have fewer grids with an outline).
     */
    public Enlisted enlist(List<Geography.Division> towns, int onPatrol, long seed) {
        List<Grid> grids = grids(towns);
        Map<String, String> existing = accounts.existing();
        List<Patrol> patrols = new ArrayList<>();
        int registered = 0;
        for (GridArea grid : patrolGrids(grids, onPatrol, seed)) {
            String user = user(grid.code());
            String password = accounts.newPassword();
            String id = existing.get(user);
            if (id == null) {
                accounts.register(user, displayName(grid.name()), scope(grid.code()), password);
                registered++;
            } else {
                accounts.givePassword(id, user, password);
            }
            patrols.add(new Patrol(user, grid, password));
        }
        Set<String> onPatrolNow = patrols.stream().map(Patrol::user).collect(Collectors.toSet());
        for (Grid g : grids) {
            String user = user(g.code());
            if (existing.containsKey(user) || onPatrolNow.contains(user)) {
                continue;
            }
            accounts.register(user, displayName(g.name()), scope(g.code()), null);
            if (++registered % PROGRESS_EVERY == 0) {
                progress.accept("staff: " + registered + " grid workers registered so far");
            }
        }
        progress.accept(String.format(
                "staff: %d grid workers (%d registered now), %d on patrol", grids.size(), registered, patrols.size()));
        return new Enlisted(grids.size(), registered, List.copyOf(patrols));
    }

    /** The first {@code count} grids of the patrol order that have an outline to walk. */
    private List<GridArea> patrolGrids(List<Grid> grids, int count, long seed) {
        List<GridArea> areas = new ArrayList<>();
        for (Grid g : patrolOrder(grids, seed)) {
            if (areas.size() >= count) {
                break;
            }
            List<List<GeoPoint>> rings = GeographySource.rings(
                    admin.get("/api/divisions/" + g.code() + "/boundary").path("geometry"));
            if (!rings.isEmpty()) {
                areas.add(new GridArea(g.code(), g.name(), rings));
            }
        }
        return areas;
    }

    /** The grids in the order the patrol is drawn from: shuffled by the seed, whatever order CityOS lists them in. */
    private static List<Grid> patrolOrder(List<Grid> grids, long seed) {
        List<Grid> order = new ArrayList<>(grids);
        order.sort(Comparator.comparing(Grid::code));
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    /** Every grid CityOS has under one of the towns. */
    private List<Grid> grids(List<Geography.Division> towns) {
        List<DivisionCode> under = towns.stream()
                .map(Geography.Division::code)
                .filter(DivisionCode::isValid)
                .map(DivisionCode::of)
                .toList();
        List<Grid> grids = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode page = admin.get("/api/divisions?level=GRID&offset=" + offset + "&limit=" + PAGE);
            for (JsonNode d : page.path("items")) {
                String code = d.path("code").asString();
                if (DivisionCode.isValid(code) && under.stream().anyMatch(t -> t.contains(DivisionCode.of(code)))) {
                    grids.add(new Grid(code, d.path("name").asString(code)));
                }
            }
            if (offset + PAGE >= page.path("total").asLong()) {
                return grids;
            }
        }
    }

    /** 模拟…网格员: the grid's name (which usually ends in 网格) made a person, within CityOS's 50 characters. */
    static String displayName(String gridName) {
        String name = gridName.endsWith("网格") ? gridName.substring(0, gridName.length() - 2) : gridName;
        return "模拟" + (name.length() > 40 ? name.substring(0, 40) : name) + "网格员";
    }

    private static Map<String, Object> scope(String grid) {
        return Map.of(
                "roles", List.of("GRID_WORKER"),
                "divisions", List.of(grid),
                "departments", List.of(),
                "allDepartments", false);
    }
}
