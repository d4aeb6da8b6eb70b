package org.cityos.alerting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The alerting context's settings ({@code cityos.alerting.*}).
 *
 * @param tick how often the engine's clock-driven checks run
 * @param scheduled whether the clock runs by itself (tests turn it off and step it by hand)
 * @param reopenWithin an alarm back within this of being cleared is reopened rather than raised anew
 * @param flapThreshold reopenings after which an alarm counts as flapping
 * @param settleAfter a flapping alarm clears once its condition has been normal this long
 * @param maxEscalations escalation steps before CityOS stops escalating an unacknowledged alarm
 * @param onArrival whether the rules judge a reading as it arrives (queued for storage, the default) rather than
 *     after its batch is committed: an alarm then waits neither for the ingest queue nor for the commit (ADR 0013)
 * @param lazyCommit whether findings of rules whose condition persists (threshold, duration, rate, aggregate,
 *     composite, no-data, scheduled) are committed without waiting for the disk flush, so that a raised alarm does
 *     not queue behind the ingest's WAL flushes; one-shot findings always wait (ADR 0013; default true)
 */
@ConfigurationProperties("cityos.alerting")
public record AlertingProperties(
        Duration tick,
        Boolean scheduled,
        Duration reopenWithin,
        Integer flapThreshold,
        Duration settleAfter,
        Duration ackRed,
        Duration ackOrange,
        Duration ackYellow,
        Duration ackBlue,
        Integer maxEscalations,
        Duration dryRunMaxRange,
        Long dryRunMaxReadings,
        Boolean onArrival,
        Boolean lazyCommit) {

    public AlertingProperties {
        tick = tick == null ? Duration.ofSeconds(1) : tick;
        scheduled = scheduled == null || scheduled;
        reopenWithin = reopenWithin == null ? Duration.ofMinutes(10) : reopenWithin;
        flapThreshold = flapThreshold == null ? 3 : flapThreshold;
        settleAfter = settleAfter == null ? Duration.ofMinutes(10) : settleAfter;
        ackRed = ackRed == null ? Duration.ofMinutes(5) : ackRed;
        ackOrange = ackOrange == null ? Duration.ofMinutes(15) : ackOrange;
        ackYellow = ackYellow == null ? Duration.ofMinutes(30) : ackYellow;
        ackBlue = ackBlue == null ? Duration.ofMinutes(60) : ackBlue;
        maxEscalations = maxEscalations == null ? 3 : maxEscalations;
        dryRunMaxRange = dryRunMaxRange == null ? Duration.ofDays(31) : dryRunMaxRange;
        dryRunMaxReadings = dryRunMaxReadings == null ? 5_000_000L : dryRunMaxReadings;
        onArrival = onArrival == null || onArrival;
        lazyCommit = lazyCommit == null || lazyCommit;
    }
}
