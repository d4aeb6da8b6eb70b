package org.cityos.simulator.citizens;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.GridArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A grid worker (网格员) on patrol in its own grid, acting as the worker's phone app would. On each round it files
 * what it saw since the last round — {@link PatrolHabits#reportsPerDay()} a day with the citizens' daily rhythm, of
 * the patrol kinds of the request mix, each at a point inside its grid and with a photo — and, every
 * {@link PatrolHabits#checkEvery()}, checks on site the replies to its grid's grid, alarm and event cases: an
 * after-photo and a GPS reading a few metres from the case (inside the grid), then passed, or sent back for a share
 * of them. A check is decided per case and version, so a case is judged the same way until it changes.
 *
 * <p>Every report has an id of its own ({@code <prefix><grid>-<n>}); a report whose filing got no answer stays in the
 * outbox and is sent again with the same id on the next round (the failure fails this round, as CityOS being away
 * does for every bot), so CityOS makes one case of it however often it arrives. A refusal is counted and the round
 * goes on.
 */
public final class GridWorkerBot {
    /** How far from the case's point the worker stands when it reads its GPS. */
    private static final double STAND_METRES = 15;

    /** Reports kept for another try while CityOS does not answer; beyond that the oldest are given up. */
    private static final int MAX_UNANSWERED = 100;

    private static final Logger log = LoggerFactory.getLogger(GridWorkerBot.class);

    private final String user;
    private final GridArea grid;
    private final PatrolHabits habits;
    private final long seed;
    private final String reportPrefix;
    private final PatrolDesk desk;
    private final Clock clock;
    private final DailyRhythm rhythm = DailyRhythm.beijing();
    private final WeightedTable<RequestKind> kinds = new WeightedTable<>(RequestMix.patrolKinds(), RequestKind::weight);
    private final SplittableRandom random;
    /** Reports made and not yet answered by CityOS, oldest first. */
    private final Deque<GridReport> outbox = new ArrayDeque<>();

    private Instant patrolledUntil;
    private Instant checkedAt;
    private long issued;
    private long reported;
    private long verified;
    private long sentBack;
    private long refused;

    /**
     * The worker {@code user} of {@code grid}; its reports' ids start with {@code reportPrefix} (a run's own, so that
     * two runs against one CityOS do not collapse into each other).
     */
    public GridWorkerBot(
            String user,
            GridArea grid,
            PatrolHabits habits,
            long seed,
            String reportPrefix,
            PatrolDesk desk,
            Clock clock) {
        this.user = user;
        this.grid = grid;
        this.habits = habits;
        this.seed = seed;
        this.reportPrefix = reportPrefix;
        this.desk = desk;
        this.clock = clock;
        this.random = new SplittableRandom(seed * 31 + grid.code().hashCode());
        this.patrolledUntil = clock.instant();
    }

    public String user() {
        return user;
    }

    public GridArea grid() {
        return grid;
    }

    /** One round of the patrol; answers the reports filed and the checks made. */
    public synchronized int patrol() {
        Instant now = clock.instant();
        int seen = Poisson.draw(random, rhythm.expected(patrolledUntil, now, habits.reportsPerDay()));
        patrolledUntil = now.isAfter(patrolledUntil) ? now : patrolledUntil;
        for (int i = 0; i < seen; i++) {
            keep(next(now));
        }
        int taken = 0;
        while (!outbox.isEmpty()) {
            taken += send(outbox.peekFirst()).isPresent() ? 1 : 0;
            outbox.pollFirst();
        }
        if (checkedAt == null || !now.isBefore(checkedAt.plus(habits.checkEvery()))) {
            checkedAt = now;
            for (OnSiteCheck c : desk.awaitingOnSiteCheck(user, grid.code())) {
                if (c.dueIn(grid.code())) {
                    taken += check(c);
                }
            }
        }
        return taken;
    }

    /**
     * Reports one thing the worker sees now, whatever the rhythm; empty when CityOS refused the report. Without an
     * answer the report waits for the next round, like any other.
     */
    public synchronized Optional<PatrolDesk.Filed> reportNow() {
        GridReport report = next(clock.instant());
        try {
            return send(report);
        } catch (RuntimeException e) {
            keep(report);
            throw e;
        }
    }

    private GridReport next(Instant now) {
        RequestKind kind = kinds.draw(random);
        return new GridReport(
                reportPrefix + grid.code() + "-" + (++issued),
                now,
                kind.category(),
                kind.title(),
                "网格巡查发现：" + kind.content(),
                grid.pointInside(random));
    }

    /** Keeps a report for sending; past the outbox's room the oldest is given up. */
    private void keep(GridReport report) {
        outbox.addLast(report);
        if (outbox.size() > MAX_UNANSWERED) {
            log.warn(
                    "{} gives up report {}: CityOS has not answered it",
                    user,
                    outbox.pollFirst().reportId());
        }
    }

    /** Files a report and attaches its photo; empty when refused. Without an answer the failure is thrown. */
    private Optional<PatrolDesk.Filed> send(GridReport report) {
        PatrolDesk.Filed filed;
        try {
            filed = desk.report(user, report);
        } catch (CaseworkDesk.DeskRefused e) {
            refused++;
            log.debug("{} could not report {}: {}", user, report.reportId(), e.getMessage());
            return Optional.empty();
        }
        reported++;
        try {
            desk.attachPhoto(user, filed.caseId(), SitePhotos.ofReport(report));
        } catch (CaseworkDesk.DeskRefused e) {
            refused++;
            log.debug("{} could not attach the photo of {}: {}", user, report.reportId(), e.getMessage());
        }
        return Optional.of(filed);
    }

    /** Checks one replied case on site: after-photo, then the verdict on the case as it stands after the photo. */
    private int check(OnSiteCheck listed) {
        SplittableRandom draws = new SplittableRandom(seed ^ listed.caseId().hashCode() ^ listed.version());
        boolean passed = draws.nextDouble() >= habits.sendBackShare();
        GeoPoint at = grid.near(listed.point() == null ? grid.centre() : listed.point(), STAND_METRES, draws);
        try {
            desk.attachPhoto(user, listed.caseId(), SitePhotos.afterPhoto(listed.caseId(), at));
            Optional<OnSiteCheck> now = desk.current(user, listed.caseId());
            if (now.isEmpty() || !now.get().dueIn(grid.code())) {
                return 0; // someone else moved the case on meanwhile
            }
            desk.verifyOnSite(
                    user, now.get(), new PatrolDesk.Verdict(passed, at, passed ? "现场核查：问题已处置" : "现场核查：问题仍存在，退回重办"));
        } catch (CaseworkDesk.DeskRefused e) {
            refused++;
            log.debug("{} could not check case {} on site: {}", user, listed.caseId(), e.getMessage());
            return 0;
        }
        if (passed) {
            verified++;
        } else {
            sentBack++;
        }
        return 1;
    }

    /** Reports CityOS took (new cases and repeats of an earlier report alike). */
    public synchronized long reported() {
        return reported;
    }

    /** On-site checks made: passed and sent back. */
    public synchronized long onSiteChecks() {
        return verified + sentBack;
    }

    public synchronized long verified() {
        return verified;
    }

    public synchronized long sentBack() {
        return sentBack;
    }

    public synchronized long refused() {
        return refused;
    }

    /** Reports waiting to be sent (again) because CityOS did not answer. */
    public synchronized int unanswered() {
        return outbox.size();
    }
}
