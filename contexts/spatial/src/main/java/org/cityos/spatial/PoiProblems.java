package org.cityos.spatial;

import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a POI command. */
public final class PoiProblems {
    private PoiProblems() {}

    /** The POI does not exist, or lies outside the caller's divisions (which must not be revealed). */
    public static final class UnknownPoi extends DomainProblem {
        public UnknownPoi(Object id) {
            super(ProblemKind.NOT_FOUND, "unknown-poi", "problem.unknown-poi", String.valueOf(id));
        }
    }

    /** The location is outside every division boundary CityOS knows. */
    public static final class PoiOutsideDistrict extends DomainProblem {
        public PoiOutsideDistrict(GeoPoint wgs84) {
            super(
                    ProblemKind.INVALID,
                    "poi-outside-district",
                    "problem.poi-outside-district",
                    String.valueOf(wgs84.lon()),
                    String.valueOf(wgs84.lat()));
        }
    }

    /** No POI class has this code. */
    public static final class UnknownPoiClass extends DomainProblem {
        public UnknownPoiClass(String code) {
            super(ProblemKind.NOT_FOUND, "unknown-poi-class", "problem.unknown-poi-class", String.valueOf(code));
        }
    }

    /** A POI class with this code exists already. */
    public static final class PoiClassExists extends DomainProblem {
        public PoiClassExists(String code) {
            super(ProblemKind.CONFLICT, "poi-class-exists", "problem.poi-class-exists", code);
        }
    }

    /** Another POI has this external id. */
    public static final class ExternalIdTaken extends DomainProblem {
        public ExternalIdTaken(String externalId) {
            super(ProblemKind.CONFLICT, "poi-external-id-taken", "problem.poi-external-id-taken", externalId);
        }
    }

    /** The import job does not exist or belongs to someone else. */
    public static final class UnknownPoiImport extends DomainProblem {
        public UnknownPoiImport(Object id) {
            super(ProblemKind.NOT_FOUND, "unknown-poi-import", "problem.unknown-poi-import", String.valueOf(id));
        }
    }

    /** The uploaded file is not CSV, Excel .xlsx or GeoJSON. */
    public static final class UnsupportedPoiFile extends DomainProblem {
        public UnsupportedPoiFile(String filename) {
            super(ProblemKind.UNSUPPORTED, "unsupported-poi-file", "problem.poi-file-type", String.valueOf(filename));
        }
    }

    /** The file cannot be read at all (no header, not a workbook, not JSON); nothing was imported. */
    public static final class UnreadablePoiFile extends DomainProblem {
        public UnreadablePoiFile(String reason) {
            super(ProblemKind.INVALID, "unreadable-poi-file", "problem.poi-file-unreadable", reason);
        }
    }

    /** The uploaded file is larger than allowed. */
    public static final class PoiFileTooLarge extends DomainProblem {
        public PoiFileTooLarge(long limit) {
            super(ProblemKind.TOO_LARGE, "poi-file-too-large", "problem.poi-file-too-large", limit);
        }
    }
}
