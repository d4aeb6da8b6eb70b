package org.cityos.simulator.citizens;

import java.util.List;

/**
 * What citizens, handler bots and the follow-up desk need from CityOS's casework; over HTTP in
 * {@link HttpCaseworkDesk}. Grid workers have their own {@link PatrolDesk}.
 */
public interface CaseworkDesk {
    /**
     * Files a request through its channel. Answers the case id for a hotline ticket (the same case again for a ticket
     * filed before), the public request id ({@code service_request_id}) for Open311.
     */
    String file(CitizenRequest request);

    /** The active assignments of the user's units. */
    List<InboxEntry> inbox(String user);

    /** Takes an action on the entry's case as the user; WAIT does nothing. */
    void act(String user, InboxEntry entry, HandlerAction action);

    /**
     * Cases handlers have replied to that the operations centre follows up by a call: hotline, Open311 and operator
     * entries (at most 200 of each). Grid, alarm and event cases are checked on site by their grid's worker instead.
     */
    List<String> awaitingFollowUp(String operator);

    /** The follow-up of a replied case: passed on-site check or call, solved, and the citizen's rating. */
    void followUp(String operator, String caseId, FollowUp verdict);

    /** Cases verified (by a call or on site) and not yet closed (at most 200). */
    List<String> awaitingClosure(String operator);

    /** Closes a verified case. */
    void close(String operator, String caseId);

    /** The follow-up's outcome; {@code satisfaction} is a casework {@code Satisfaction} name. */
    record FollowUp(boolean passed, boolean solved, String satisfaction) {}

    /** CityOS refused a call: the status and the problem it answered. */
    final class DeskRefused extends RuntimeException {
        private final int status;

        public DeskRefused(String call, int status, String body) {
            super(call + " → " + status + " " + body, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
