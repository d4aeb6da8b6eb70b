package org.cityos.simulator.citizens;

import java.time.Instant;

/**
 * The handler bot's judgement, free of I/O so that it can be tested on its own. The two draws are the case's own
 * (stable across passes), so a case the bot once decided to return or to let overrun stays decided.
 */
public final class HandlerDecisions {
    private HandlerDecisions() {}

    /**
     * What to do with one entry now. {@code returnDraw} and {@code overrunDraw} are uniform in [0, 1) and fixed per
     * case; {@code signingStopped} is the scenario switch of the bot's unit.
     */
    public static HandlerAction decide(
            InboxEntry entry,
            Instant now,
            HandlerHabits habits,
            boolean signingStopped,
            double returnDraw,
            double overrunDraw) {
        if ("AWAITING_SIGN".equals(entry.assignment())) {
            if (signingStopped) {
                return HandlerAction.WAIT;
            }
            // Only the main unit returns: a co-handler has no say over whose case it is.
            if ("MAIN".equals(entry.role()) && returnDraw < habits.returnShare()) {
                return HandlerAction.RETURN;
            }
            return HandlerAction.SIGN;
        }
        if (!"SIGNED".equals(entry.assignment())) {
            return HandlerAction.WAIT;
        }
        if ("MAIN".equals(entry.role()) && "SIGNED".equals(entry.status())) {
            return HandlerAction.START;
        }
        boolean working = "CO".equals(entry.role()) || "IN_PROGRESS".equals(entry.status());
        if (!working) {
            return HandlerAction.WAIT;
        }
        if (entry.assignedAt() != null && now.isBefore(entry.assignedAt().plus(habits.workTime()))) {
            return HandlerAction.WAIT;
        }
        boolean overruns = overrunDraw < habits.overrunShare();
        if (overruns && entry.resolutionDue() != null && !now.isAfter(entry.resolutionDue())) {
            return HandlerAction.WAIT;
        }
        return HandlerAction.REPLY;
    }
}
