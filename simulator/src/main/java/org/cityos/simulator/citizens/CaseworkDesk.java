package org.cityos.simulator.citizens;

import java.util.List;

/** What citizens and handler bots need from CityOS's casework; over HTTP in {@link HttpCaseworkDesk}. */
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
