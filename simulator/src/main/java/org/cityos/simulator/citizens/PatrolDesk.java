package org.cityos.simulator.citizens;

import java.util.List;
import java.util.Optional;
import org.cityos.kernel.GeoPoint;

/**
 * What grid workers need from CityOS's casework: reporting from the street with photos, and checking on site the
 * replies to their grid's cases; over HTTP in {@link HttpPatrolDesk}. A refusal is a {@link CaseworkDesk.DeskRefused}.
 */
public interface PatrolDesk {
    /** Files a grid report as the user; the same {@code reportId} answers the same case. */
    Filed report(String user, GridReport report);

    /** Attaches a photo taken at a point to a case, as the user. */
    void attachPhoto(String user, String caseId, SitePhoto photo);

    /** The replied cases placed in {@code grid} that the user sees (at most 100). */
    List<OnSiteCheck> awaitingOnSiteCheck(String user, String grid);

    /** The case as it stands now, or empty when the user does not see it (any more). */
    Optional<OnSiteCheck> current(String user, String caseId);

    /** Records the on-site check of a case at the version read; CityOS refuses it if the case changed since. */
    void verifyOnSite(String user, OnSiteCheck check, Verdict verdict);

    /** What intake answered: the case, and whether this report created it. */
    record Filed(String caseId, boolean created) {}

    /** The on-site check's outcome: passed (solved) or sent back, where the worker stood, and a note. */
    record Verdict(boolean passed, GeoPoint at, String note) {}

    /** A JPEG taken at {@code at}: with the report ({@code INTAKE}) or at the check (after-photo, {@code VERIFY}). */
    record SitePhoto(Stage stage, String fileName, byte[] jpeg, GeoPoint at) {
        /** When the photo is taken, as casework's attachment stages name it. */
        public enum Stage {
            INTAKE,
            VERIFY
        }
    }
}
