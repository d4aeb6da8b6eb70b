package org.cityos.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per-grant call counters: calls in the current second (the rate limit) and on the current day (the quota). Kept
 * in memory so a call costs no extra query; a grant's day count starts from the call log the first time this node
 * sees it that day, so a restart does not reset a quota. Several nodes each count their own calls (documented).
 */
public final class CallLimits {
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    /** Why a call may not go ahead, and after how many seconds it may. */
    public record Refusal(boolean quota, long retryAfterSeconds) {}

    private static final class Counter {
        long second = Long.MIN_VALUE;
        int inSecond;
        LocalDate day;
        long onDay;
    }

    /**
     * Counts the call if the grant's limits allow it.
     *
     * @param usedToday the grant's successful calls today so far, read from the log when this node has no count
     * @return null when counted, else the refusal
     */
    public Refusal take(
            String grantId,
            int perSecond,
            int perDay,
            Instant now,
            LocalDate today,
            long secondsToMidnight,
            Supplier<Long> usedToday) {
        Counter c = counters.computeIfAbsent(grantId, k -> new Counter());
        synchronized (c) {
            if (!today.equals(c.day)) {
                c.day = today;
                c.onDay = usedToday.get();
            }
            long second = now.getEpochSecond();
            if (second != c.second) {
                c.second = second;
                c.inSecond = 0;
            }
            if (c.onDay >= perDay) {
                return new Refusal(true, Math.max(1, secondsToMidnight));
            }
            if (c.inSecond >= perSecond) {
                return new Refusal(false, 1);
            }
            c.inSecond++;
            c.onDay++;
            return null;
        }
    }
}
