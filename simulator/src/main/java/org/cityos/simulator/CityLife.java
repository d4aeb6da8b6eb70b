package org.cityos.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.cityos.simulator.citizens.CityPeople;
import org.cityos.simulator.citizens.GridWorkerBot;
import org.cityos.simulator.citizens.HandlerAction;
import org.cityos.simulator.citizens.HandlerBot;
import org.cityos.simulator.citizens.HandlerHabits;
import org.cityos.simulator.citizens.HttpCaseworkDesk;
import org.cityos.simulator.citizens.HttpPatrolDesk;
import org.cityos.simulator.citizens.OperatorBot;
import org.cityos.simulator.citizens.PatrolHabits;
import org.cityos.simulator.citizens.RequestGenerator;
import org.cityos.simulator.connect.CityOsClient;
import org.cityos.simulator.connect.GeographySource;
import org.cityos.simulator.connect.GridStaff;
import org.cityos.simulator.connect.Staff;
import org.cityos.simulator.world.Geography;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people of a live simulated city: citizens filing 12345 and Open311 requests with the daily rhythm, a handler
 * bot per department and town working its inbox, the grid workers on patrol reporting from their grids and checking
 * replies on site, and the signed-in user (an operator or the admin) following up replied cases and closing verified
 * ones, every {@link #TICK} of real time. A failed tick is counted and the next one goes on.
 */
public final class CityLife implements AutoCloseable {
    /** How often, in real time, the people act. */
    static final Duration TICK = Duration.ofSeconds(10);

    /** Share of open-to-the-public categories citizens file through Open311 rather than the hotline. */
    private static final double OPEN311_SHARE = 0.3;

    private static final Logger log = LoggerFactory.getLogger(CityLife.class);

    private final CityPeople people;
    private final ScheduledExecutorService ticker;
    private final AtomicLong failedTicks = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    /** The people, ticking every {@code every} of real time; with null, only when {@link #tick} is called. */
    CityLife(CityPeople people, Duration every) {
        this.people = people;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-city-life");
            t.setDaemon(true);
            return t;
        });
        if (every != null) {
            ticker.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Enlists the staff through {@code admin}'s session and starts the people's ticks on {@code clock}'s time. */
    static CityLife start(
            SimulationSettings settings, CityOsClient admin, Geography geo, Clock clock, Consumer<String> progress) {
        List<Staff.Handler> handlers = new Staff(admin, progress).enlist(GeographySource.DAXING, geo.divisions());
        GridStaff.Enlisted grid =
                new GridStaff(admin, progress).enlist(geo.divisions(), settings.gridPatrols(), settings.seed());
        Map<String, String> passwords = new HashMap<>();
        handlers.forEach(h -> passwords.put(h.user(), h.password()));
        grid.patrols().forEach(p -> passwords.put(p.user(), p.password()));
        passwords.put(settings.user(), settings.password());
        HttpCaseworkDesk desk = new HttpCaseworkDesk(settings.target(), settings.user(), passwords::get);
        List<HandlerBot> bots = handlers.stream()
                .map(h -> new HandlerBot(h.user(), h.unit(), HandlerHabits.usual(), settings.seed(), desk, clock))
                .toList();
        String run = "SIM-" + settings.seed() + "-" + Long.toString(clock.millis(), 36) + "-";
        HttpPatrolDesk patrolDesk = new HttpPatrolDesk(settings.target(), passwords::get);
        List<GridWorkerBot> gridWorkers = grid.patrols().stream()
                .map(p -> new GridWorkerBot(
                        p.user(), p.grid(), PatrolHabits.usual(), settings.seed(), run + "G", patrolDesk, clock))
                .toList();
        RequestGenerator citizens =
                new RequestGenerator(settings.seed(), settings.requestsPerDay(), OPEN311_SHARE, run);
        OperatorBot followUp =
                new OperatorBot(settings.user(), settings.seed(), desk, OperatorBot.FollowUpHabits.usual());
        progress.accept(String.format(
                "people: %.0f requests a day, %d handler bots, %d grid workers on patrol, follow-up by %s",
                settings.requestsPerDay(), bots.size(), gridWorkers.size(), settings.user()));
        return new CityLife(new CityPeople(citizens, desk, clock, bots, gridWorkers, List.of(followUp)), TICK);
    }

    /** One round of the people; a failure is counted and logged, never thrown, so the next round still comes. */
    void tick() {
        try {
            people.tick();
        } catch (RuntimeException e) {
            failedTicks.incrementAndGet();
            lastError.set(e.getMessage());
            log.warn("A tick of the city's people failed: {}", e.getMessage());
        }
    }

    /** What the people have done so far. */
    public Stats stats() {
        long actions = people.bots().stream()
                .flatMap(b -> b.tally().entrySet().stream())
                .filter(e -> e.getKey() != HandlerAction.WAIT)
                .mapToLong(Map.Entry::getValue)
                .sum();
        List<GridWorkerBot> grid = people.gridWorkers();
        long refused = people.bots().stream().mapToLong(HandlerBot::refused).sum()
                + grid.stream().mapToLong(GridWorkerBot::refused).sum()
                + people.operators().stream().mapToLong(OperatorBot::refused).sum();
        long closed = people.operators().stream().mapToLong(OperatorBot::closed).sum();
        return new Stats(
                people.filed(),
                grid.stream().mapToLong(GridWorkerBot::reported).sum(),
                actions,
                grid.stream().mapToLong(GridWorkerBot::onSiteChecks).sum(),
                closed,
                refused,
                failedTicks.get(),
                lastError.get());
    }

    /**
     * Citizens' requests filed, grid reports filed, handler actions taken, on-site checks made (passed or sent back),
     * cases closed, calls refused (by any bot), ticks failed, and the last failure.
     */
    public record Stats(
            long filed,
            long gridReports,
            long handlerActions,
            long onSiteChecks,
            long closed,
            long refused,
            long failedTicks,
            String lastError) {}

    public CityPeople people() {
        return people;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
