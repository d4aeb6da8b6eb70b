package org.cityos.alerting.internal.engine;

/** Where findings go: the alarm writer in production, a list in tests and dry runs. Must not block long. */
public interface FindingSink {
    void accept(Finding finding);

    /** The rule failed at run time; the engine has already stopped evaluating it. */
    default void ruleFailed(org.cityos.alerting.RuleId rule, String reason) {}
}
