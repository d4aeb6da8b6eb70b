package org.cityos.kernel.problem;

import java.util.Arrays;
import java.util.List;

/**
 * An outcome that stops a command. {@link #type()} is a stable slug (it becomes the problem's
 * {@code type} URI); {@link #messageKey()} selects a localised human text, filled with {@link #args()}.
 */
public abstract class DomainProblem extends RuntimeException {
    private final ProblemKind kind;
    private final String type;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<FieldIssue> fieldIssues;

    protected DomainProblem(ProblemKind kind, String type, String messageKey, Object... args) {
        this(kind, type, messageKey, List.of(), args);
    }

    protected DomainProblem(
            ProblemKind kind, String type, String messageKey, List<FieldIssue> fieldIssues, Object... args) {
        super(type + " " + Arrays.toString(args));
        this.kind = kind;
        this.type = type;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.fieldIssues = List.copyOf(fieldIssues);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldIssue> fieldIssues() {
        return fieldIssues;
    }
}
