package org.cityos.mqtt.server;

import io.netty.channel.Channel;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's messages that the application has not yet stored, and the reasons it stops reading: too many
 * of its own in flight, the whole endpoint full, or the device not reading our replies. Reading resumes only when
 * no reason is left; what the device sends meanwhile stays in its socket. Confined to the event loop except for
 * {@link #budgetAvailable}.
 */
final class Intake {
    private static final int CONNECTION_FULL = 1;
    private static final int ENDPOINT_FULL = 2;
    private static final int DEVICE_NOT_READING = 4;

    private final Channel channel;
    private final InFlightBudget budget;
    private final EndpointMetrics metrics;
    private final int max;
    private final int resumeAt;
    private final Runnable resumeForEndpoint = () -> resume(ENDPOINT_FULL);
    private int inFlight;
    private int pausedBy;

    Intake(Channel channel, EndpointContext endpoint) {
        this.channel = channel;
        this.budget = endpoint.budget();
        this.metrics = endpoint.metrics();
        this.max = endpoint.settings().maxInFlightPerConnection();
        this.resumeAt = max / 2;
    }

    /**
     * One more message handed to the application. The limit is soft: messages already decoded from the socket
     * read in progress are still handed over, at most one read buffer's worth.
     */
    void admit() {
        if (++inFlight >= max) {
            pause(CONNECTION_FULL);
        }
        if (!budget.take()) {
            pause(ENDPOINT_FULL);
            budget.await(this);
        }
    }

    void stored() {
        inFlight--;
        budget.give();
        if (inFlight <= resumeAt) {
            resume(CONNECTION_FULL);
        }
    }

    void writabilityChanged(boolean writable) {
        if (writable) {
            resume(DEVICE_NOT_READING);
        } else {
            pause(DEVICE_NOT_READING);
        }
    }

    /** From the budget, on any thread. */
    void budgetAvailable() {
        if (channel.eventLoop().inEventLoop()) {
            resumeForEndpoint.run();
            return;
        }
        try {
            channel.eventLoop().execute(resumeForEndpoint);
        } catch (RejectedExecutionException endpointStopped) {
            // nothing left to resume
        }
    }

    /** The connection closed; messages still in flight give their budget back as they complete. */
    void closed() {
        budget.forget(this);
        if (pausedBy != 0) {
            pausedBy = 0;
            metrics.resumed();
        }
    }

    int inFlight() {
        return inFlight;
    }

    private void pause(int reason) {
        if (pausedBy == 0) {
            channel.config().setAutoRead(false);
            metrics.paused();
        }
        pausedBy |= reason;
    }

    private void resume(int reason) {
        if ((pausedBy & reason) == 0) {
            return;
        }
        pausedBy &= ~reason;
        if (pausedBy == 0) {
            metrics.resumed();
            if (channel.isActive()) {
                channel.config().setAutoRead(true);
            }
        }
    }
}
