package org.cityos.iot;

import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a video channel command. */
public final class VideoChannelProblems {
    private VideoChannelProblems() {}

    /** The channel does not exist, or lies outside the caller's divisions (which must not be revealed). */
    public static final class UnknownVideoChannel extends DomainProblem {
        public UnknownVideoChannel(Object id) {
            super(ProblemKind.NOT_FOUND, "unknown-video-channel", "problem.unknown-video-channel", String.valueOf(id));
        }
    }

    /** Another channel has this GB/T 28181 id. */
    public static final class GbIdTaken extends DomainProblem {
        public GbIdTaken(String gbId) {
            super(ProblemKind.CONFLICT, "video-channel-gb-id-taken", "problem.video-channel-gb-id-taken", gbId);
        }
    }

    /** The location lies outside every division boundary CityOS knows. */
    public static final class ChannelOutsideDistrict extends DomainProblem {
        public ChannelOutsideDistrict(GeoPoint wgs84) {
            super(
                    ProblemKind.INVALID,
                    "video-channel-outside-district",
                    "problem.video-channel-outside-district",
                    String.valueOf(wgs84.lon()),
                    String.valueOf(wgs84.lat()));
        }
    }

    /** The channel is decommissioned; it stays catalogued but has nothing to show. */
    public static final class ChannelDecommissioned extends DomainProblem {
        public ChannelDecommissioned(String gbId) {
            super(ProblemKind.CONFLICT, "video-channel-decommissioned", "problem.video-channel-decommissioned", gbId);
        }
    }

    /** The uploaded file is not CSV or Excel .xlsx. */
    public static final class UnsupportedChannelFile extends DomainProblem {
        public UnsupportedChannelFile(String filename) {
            super(
                    ProblemKind.UNSUPPORTED,
                    "unsupported-video-channel-file",
                    "problem.video-channel-file-type",
                    String.valueOf(filename));
        }
    }

    /** The file cannot be read at all; nothing was imported. */
    public static final class UnreadableChannelFile extends DomainProblem {
        public UnreadableChannelFile(String reason) {
            super(
                    ProblemKind.INVALID,
                    "unreadable-video-channel-file",
                    "problem.video-channel-file-unreadable",
                    reason);
        }
    }

    /** The file is larger, or has more rows, than one import may hold. */
    public static final class ChannelFileTooLarge extends DomainProblem {
        public ChannelFileTooLarge(long limit) {
            super(ProblemKind.TOO_LARGE, "video-channel-file-too-large", "problem.video-channel-file-too-large", limit);
        }
    }
}
