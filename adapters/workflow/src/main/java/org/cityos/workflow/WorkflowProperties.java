package org.cityos.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How timers are fired ({@code cityos.workflow.*}).
 *
 * @param poll how often each runner thread looks for due timers; a timer scheduled on this node due sooner wakes
 *     it early, so this bounds only the lag of timers scheduled elsewhere, retried, or left by a restart
 * @param batch timers claimed and fired per transaction
 * @param threads runner threads on this node (each holds one database connection while firing)
 * @param maxAttempts failed firings after which a timer is parked for an operator
 * @param backoff wait after the first failed firing; doubles with each further failure
 * @param backoffMax the longest wait between attempts
 * @param scheduled whether runner threads run at all; tests switch them off and call {@link Timers#fireDue()}
 */
@ConfigurationProperties("cityos.workflow")
public record WorkflowProperties(
        @DefaultValue("500ms") Duration poll,
        @DefaultValue("200") int batch,
        @DefaultValue("2") int threads,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("5s") Duration backoff,
        @DefaultValue("1h") Duration backoffMax,
        @DefaultValue("true") boolean scheduled) {

    public WorkflowProperties {
        // Bound from configuration every value is set; constructed by hand, null means default.
        poll = poll == null ? Duration.ofMillis(500) : poll;
        backoff = backoff == null ? Duration.ofSeconds(5) : backoff;
        backoffMax = backoffMax == null ? Duration.ofHours(1) : backoffMax;
        if (poll.toMillis() < 1) {
            throw new IllegalArgumentException("cityos.workflow.poll must be at least 1ms, got " + poll);
        }
        if (backoff.isNegative() || backoff.isZero()) {
            throw new IllegalArgumentException("cityos.workflow.backoff must be positive, got " + backoff);
        }
        if (backoffMax.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("cityos.workflow.backoff-max must not be below backoff");
        }
        if (batch < 1 || threads < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "cityos.workflow.batch, threads and max-attempts must be at least 1, got " + batch + ", " + threads
                            + ", " + maxAttempts);
        }
    }

    public static WorkflowProperties defaults() {
        return new WorkflowProperties(null, 200, 2, 10, null, null, true);
    }

    public WorkflowProperties withPoll(Duration value) {
        return new WorkflowProperties(value, batch, threads, maxAttempts, backoff, backoffMax, scheduled);
    }

    public WorkflowProperties withBatch(int value) {
        return new WorkflowProperties(poll, value, threads, maxAttempts, backoff, backoffMax, scheduled);
    }

    public WorkflowProperties withMaxAttempts(int value) {
        return new WorkflowProperties(poll, batch, threads, value, backoff, backoffMax, scheduled);
    }

    public WorkflowProperties withBackoff(Duration base, Duration max) {
        return new WorkflowProperties(poll, batch, threads, maxAttempts, base, max, scheduled);
    }

    public WorkflowProperties withScheduled(boolean value) {
        return new WorkflowProperties(poll, batch, threads, maxAttempts, backoff, backoffMax, value);
    }
}
