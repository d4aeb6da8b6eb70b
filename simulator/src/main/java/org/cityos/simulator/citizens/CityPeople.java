package org.cityos.simulator.citizens;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.simulator.scenario.CaseLevers;
import org.cityos.simulator.scenario.ScenarioStep;

/**
 * The people's side of the simulated city: citizens filing through the desk, the handler bots of each unit, the grid
 * workers on patrol and the follow-up desk. Scenarios pull its levers (a burst of complaints, a unit that stops
 * signing).
 */
public final class CityPeople implements CaseLevers {
    private final RequestGenerator citizens;
    private final CaseworkDesk desk;
    private final Clock clock;
    private final List<HandlerBot> bots;
    private final List<GridWorkerBot> gridWorkers;
    private final List<OperatorBot> operators;
    private final Map<String, Boolean> stoppedUnits = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong filed = new java.util.concurrent.atomic.AtomicLong();
    private Instant filedUntil;

    public CityPeople(RequestGenerator citizens, CaseworkDesk desk, Clock clock, List<HandlerBot> bots) {
        this(citizens, desk, clock, bots, List.of());
    }

    /** As above, with the operations centre's follow-up desk closing what the handlers replied to. */
    public CityPeople(
            RequestGenerator citizens,
            CaseworkDesk desk,
            Clock clock,
            List<HandlerBot> bots,
            List<OperatorBot> operators) {
        this(citizens, desk, clock, bots, List.of(), operators);
    }

    /** As above, with grid workers on patrol reporting from their grids and checking replies on site. */
    public CityPeople(
            RequestGenerator citizens,
            CaseworkDesk desk,
            Clock clock,
            List<HandlerBot> bots,
            List<GridWorkerBot> gridWorkers,
            List<OperatorBot> operators) {
        this.citizens = citizens;
        this.desk = desk;
        this.clock = clock;
        this.bots = List.copyOf(bots);
        this.gridWorkers = List.copyOf(gridWorkers);
        this.operators = List.copyOf(operators);
        this.filedUntil = clock.instant();
    }

    /**
     * Daily life up to now: files the requests citizens made since the last tick (the first tick counts from
     * construction), lets every bot work its inbox once, every grid worker on patrol make a round, then the follow-up
     * desk. Answers how many requests were filed.
     */
    public synchronized int tick() {
        Instant now = clock.instant();
        List<CitizenRequest> due = citizens.between(filedUntil, now);
        filedUntil = now;
        file(due);
        workInboxes();
        for (GridWorkerBot worker : gridWorkers) {
            worker.patrol();
        }
        for (OperatorBot operator : operators) {
            operator.workDesk();
        }
        return due.size();
    }

    @Override
    public void fileComplaints(ScenarioStep.Complaints burst) {
        file(citizens.burst(burst, clock.instant()));
    }

    /** Files each request; answers the case ids in order. A failed filing ends the list (the rest are not filed). */
    public List<String> file(List<CitizenRequest> requests) {
        List<String> ids = new ArrayList<>();
        for (CitizenRequest r : requests) {
            ids.add(desk.file(r));
            filed.incrementAndGet();
        }
        return ids;
    }

    /** Requests the desk has taken so far, counted one by one, so a tick that fails half way still counts its part. */
    public long filed() {
        return filed.get();
    }

    @Override
    public void stopSigning(String unit, boolean stopped) {
        stoppedUnits.put(unit, stopped);
        for (HandlerBot bot : bots) {
            if (bot.unit().equals(unit)) {
                bot.stopSigning(stopped);
            }
        }
    }

    /** True while the scenario keeps the unit from signing. */
    public boolean signingStopped(String unit) {
        return stoppedUnits.getOrDefault(unit, false);
    }

    /** One pass of every bot over its inbox; answers the actions taken. */
    public int workInboxes() {
        int taken = 0;
        for (HandlerBot bot : bots) {
            taken += bot.workInbox();
        }
        return taken;
    }

    public List<HandlerBot> bots() {
        return bots;
    }

    /** The grid workers on patrol. */
    public List<GridWorkerBot> gridWorkers() {
        return gridWorkers;
    }

    public List<OperatorBot> operators() {
        return operators;
    }
}
