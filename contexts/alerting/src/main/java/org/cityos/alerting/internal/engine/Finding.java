package org.cityos.alerting.internal.engine;

import java.time.Instant;
import java.util.Map;
import org.cityos.alerting.RuleId;
import org.cityos.kernel.GeoPoint;

/**
 * What the engine concluded about one subject of one rule: the condition began to hold (RAISE), held again as a new
 * occurrence while the alarm is open (REPEAT), or went back to normal (CLEAR).
 *
 * @param values the variables that decided it, for the alarm's detail and title
 */
public record Finding(
        Change change,
        RuleId rule,
        int ruleVersion,
        String subject,
        String deviceId,
        String deviceType,
        String division,
        GeoPoint location,
        Map<String, Object> values,
        Instant at) {

    public enum Change {
        RAISE,
        REPEAT,
        CLEAR
    }
}
