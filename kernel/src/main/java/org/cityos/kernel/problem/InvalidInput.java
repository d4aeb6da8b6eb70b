package org.cityos.kernel.problem;

import java.util.List;

/** A request whose fields break the rules; carries one issue per field. */
public final class InvalidInput extends DomainProblem {
    public InvalidInput(List<FieldIssue> issues) {
        super(ProblemKind.INVALID, "invalid-input", "problem.invalid-input", issues);
    }

    public static InvalidInput of(String field, String messageKey, Object... args) {
        return new InvalidInput(List.of(new FieldIssue(field, messageKey, args)));
    }
}
