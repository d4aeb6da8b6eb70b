package org.cityos.spatial;

import java.util.List;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a layer command or query. */
public final class LayerProblems {
    private LayerProblems() {}

    /** No layer has this id. */
    public static final class UnknownLayer extends DomainProblem {
        public UnknownLayer(LayerId id) {
            super(ProblemKind.NOT_FOUND, "unknown-layer", "problem.layer.unknown", id.value());
        }
    }

    /** The layer has no feature with this id. */
    public static final class UnknownFeature extends DomainProblem {
        public UnknownFeature(LayerId id, String featureId) {
            super(ProblemKind.NOT_FOUND, "unknown-feature", "problem.layer.unknown-feature", featureId, id.value());
        }
    }

    /** A layer with this id exists already. */
    public static final class LayerExists extends DomainProblem {
        public LayerExists(LayerId id) {
            super(ProblemKind.CONFLICT, "layer-exists", "problem.layer.exists", id.value());
        }
    }

    /** The layer was changed since the caller read it. */
    public static final class LayerChangedConcurrently extends DomainProblem {
        public LayerChangedConcurrently(LayerId id, int expected) {
            super(ProblemKind.CONFLICT, "concurrent-change", "problem.layer.version", id.value(), expected);
        }
    }

    /** The layer is RESTRICTED to departments the actor does not belong to (or INTERNAL to staff). */
    public static final class LayerReadDenied extends DomainProblem {
        public LayerReadDenied(LayerId id) {
            super(ProblemKind.FORBIDDEN, "access-denied", "problem.layer.read-denied", id.value());
        }
    }

    /**
     * Features of a bulk write were rejected; nothing was stored. Each issue names the feature by its
     * zero-based position ({@code features[3].geometry}) so the sender can find it in the file.
     */
    public static final class FeaturesRejected extends DomainProblem {
        public FeaturesRejected(List<FieldIssue> issues, int rejected, int firstIndex) {
            super(
                    ProblemKind.INVALID,
                    "invalid-features",
                    "problem.layer.features-rejected",
                    issues,
                    rejected,
                    firstIndex);
        }
    }
}
