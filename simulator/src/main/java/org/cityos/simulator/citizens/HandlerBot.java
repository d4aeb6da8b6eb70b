package org.cityos.simulator.citizens;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handler of one unit working its inbox as the unit's user would: on each pass it reads the inbox and acts on every
 * entry as {@link HandlerDecisions} says. A refused action (someone else changed the case meanwhile) is counted
 * and left for the next pass.
 */
public final class HandlerBot {
    private static final Logger log = LoggerFactory.getLogger(HandlerBot.class);

    private final String user;
    private final String unit;
    private final HandlerHabits habits;
    private final long seed;
    private final CaseworkDesk desk;
    private final Clock clock;
    private final Map<HandlerAction, Long> tally = new EnumMap<>(HandlerAction.class);
    private volatile boolean signingStopped;
    private long refused;

    public HandlerBot(String user, String unit, HandlerHabits habits, long seed, CaseworkDesk desk, Clock clock) {
        this.user = user;
        this.unit = unit;
        this.habits = habits;
        this.seed = seed;
        this.desk = desk;
        this.clock = clock;
    }

    public String user() {
        return user;
    }

    /** The unit it works for, as CityOS writes it ({@code dept:water}). */
    public String unit() {
        return unit;
    }

    public void stopSigning(boolean stopped) {
        this.signingStopped = stopped;
    }

    public boolean signingStopped() {
        return signingStopped;
    }

    /** One pass over the inbox; answers how many actions it took (WAIT is not an action). */
    public synchronized int workInbox() {
        int taken = 0;
        for (InboxEntry entry : desk.inbox(user)) {
            SplittableRandom draws = new SplittableRandom(seed ^ entry.caseId().hashCode());
            HandlerAction action = HandlerDecisions.decide(
                    entry, clock.instant(), habits, signingStopped, draws.nextDouble(), draws.nextDouble());
            tally.merge(action, 1L, Long::sum);
            if (action == HandlerAction.WAIT) {
                continue;
            }
            try {
                desk.act(user, entry, action);
                taken++;
            } catch (CaseworkDesk.DeskRefused e) {
                refused++;
                log.debug("{} could not {} case {}: {}", user, action, entry.caseId(), e.getMessage());
            }
        }
        return taken;
    }

    /** How often each decision was made, over all passes. */
    public synchronized Map<HandlerAction, Long> tally() {
        return Map.copyOf(tally);
    }

    public synchronized long refused() {
        return refused;
    }
}
