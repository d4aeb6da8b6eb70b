package org.cityos.simulator.citizens;

import java.util.SplittableRandom;

/**
 * The operations centre's follow-up desk: calls back on every replied case that is followed up by a call, records
 * whether the citizen's problem was solved and how satisfied they are, and closes the case when the follow-up passed;
 * then closes the cases verified on site by grid workers. The draws are per case (seed and case id), so a case is
 * judged the same way however often it comes back.
 */
public final class OperatorBot {
    private final String user;
    private final long seed;
    private final CaseworkDesk desk;
    private final FollowUpHabits habits;
    private long closed;
    private long reopened;
    private long refused;

    /** The share of follow-ups that find the problem not solved, and the citizens' satisfaction mix. */
    public record FollowUpHabits(double unsolvedShare, double satisfiedShare, double basicallySatisfiedShare) {
        public FollowUpHabits {
            if (unsolvedShare < 0
                    || unsolvedShare > 1
                    || satisfiedShare < 0
                    || basicallySatisfiedShare < 0
                    || satisfiedShare + basicallySatisfiedShare > 1) {
                throw new IllegalArgumentException("shares lie between 0 and 1 and the satisfaction shares add to ≤ 1");
            }
        }

        /** 8 % not solved; 75 % satisfied, 17 % basically satisfied, the rest dissatisfied. */
        public static FollowUpHabits usual() {
            return new FollowUpHabits(0.08, 0.75, 0.17);
        }
    }

    public OperatorBot(String user, long seed, CaseworkDesk desk, FollowUpHabits habits) {
        this.user = user;
        this.seed = seed;
        this.desk = desk;
        this.habits = habits;
    }

    /** One pass over the replied cases, then over the verified ones; answers how many were closed. */
    public synchronized int workDesk() {
        int closedNow = 0;
        for (String caseId : desk.awaitingFollowUp(user)) {
            CaseworkDesk.FollowUp verdict = judge(caseId);
            try {
                desk.followUp(user, caseId, verdict);
                if (verdict.passed()) {
                    desk.close(user, caseId);
                    closed++;
                    closedNow++;
                } else {
                    reopened++;
                }
            } catch (CaseworkDesk.DeskRefused e) {
                refused++;
            }
        }
        for (String caseId : desk.awaitingClosure(user)) {
            try {
                desk.close(user, caseId);
                closed++;
                closedNow++;
            } catch (CaseworkDesk.DeskRefused e) {
                refused++;
            }
        }
        return closedNow;
    }

    /** The follow-up of one case, drawn from the habits. */
    CaseworkDesk.FollowUp judge(String caseId) {
        SplittableRandom draws = new SplittableRandom(seed ^ caseId.hashCode());
        boolean solved = draws.nextDouble() >= habits.unsolvedShare();
        double mood = draws.nextDouble();
        String satisfaction = mood < habits.satisfiedShare()
                ? "SATISFIED"
                : mood < habits.satisfiedShare() + habits.basicallySatisfiedShare()
                        ? "BASICALLY_SATISFIED"
                        : "DISSATISFIED";
        return new CaseworkDesk.FollowUp(solved, solved, solved ? satisfaction : "DISSATISFIED");
    }

    public synchronized long closed() {
        return closed;
    }

    public synchronized long reopened() {
        return reopened;
    }

    public synchronized long refused() {
        return refused;
    }
}
