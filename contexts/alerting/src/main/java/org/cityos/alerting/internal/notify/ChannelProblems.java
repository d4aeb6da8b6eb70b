package org.cityos.alerting.internal.notify;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a notification channel command. */
public final class ChannelProblems {
    private ChannelProblems() {}

    /** The channel does not exist, or lies outside the caller's divisions (which must not be revealed). */
    public static final class UnknownChannel extends DomainProblem {
        public UnknownChannel(Object id) {
            super(
                    ProblemKind.NOT_FOUND,
                    "unknown-notification-channel",
                    "problem.unknown-notification-channel",
                    String.valueOf(id));
        }
    }

    /** E-mail channels were asked for, but this installation has no SMTP server configured. */
    public static final class EmailNotConfigured extends DomainProblem {
        public EmailNotConfigured() {
            super(ProblemKind.CONFLICT, "email-not-configured", "problem.email-not-configured");
        }
    }

    /** SMS channels were asked for, but this installation has no SMS gateway. */
    public static final class SmsNotConfigured extends DomainProblem {
        public SmsNotConfigured() {
            super(ProblemKind.CONFLICT, "sms-not-configured", "problem.sms-not-configured");
        }
    }
}
