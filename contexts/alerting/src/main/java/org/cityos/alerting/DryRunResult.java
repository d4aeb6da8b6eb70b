package org.cityos.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;

/**
 * What a draft rule would have done over a stored period: how many alarms it would have raised (and cleared),
 * where, and when — for the map and the editor.
 *
 * @param readings how many stored readings were replayed
 * @param truncated whether the replay stopped at the reading limit
 * @param subjects per subject, most alarms first (at most 500)
 * @param byDivision alarms per division code
 * @param byDay alarms per local (Asia/Shanghai) day
 */
public record DryRunResult(
        Instant from,
        Instant to,
        long readings,
        boolean truncated,
        int alarms,
        int clears,
        List<Subject> subjects,
        Map<String, Integer> byDivision,
        Map<String, Integer> byDay) {

    /** One subject that would have alarmed. */
    public record Subject(
            String subject,
            String deviceId,
            String division,
            GeoPoint location,
            int alarms,
            Instant first,
            Instant last) {}
}
