package org.cityos.alerting.internal.notify;

import org.cityos.alerting.AlarmFacts;
import org.cityos.alerting.Channel;
import org.cityos.alerting.Channel.AlarmChange;

/** Which channels want to hear about an alarm change: enabled, severe enough, the right change, rule and division. */
public final class ChannelMatching {
    private ChannelMatching() {}

    public static boolean matches(Channel channel, AlarmChange change, AlarmFacts alarm) {
        return channel.enabled()
                && alarm.severity() != null
                && alarm.severity().atLeast(channel.minSeverity())
                && wantsChange(channel, change)
                && (channel.ruleIds().isEmpty()
                        || (alarm.ruleId() != null
                                && channel.ruleIds().contains(alarm.ruleId().value())))
                && inDivisions(channel, alarm.division());
    }

    static boolean wantsChange(Channel channel, AlarmChange change) {
        if (channel.events().isEmpty() || channel.events().contains(change)) {
            return true;
        }
        // Whoever hears of raises must hear why raises stop: the flapping notice goes with RAISED.
        return change == AlarmChange.FLAPPING && channel.events().contains(AlarmChange.RAISED);
    }

    static boolean inDivisions(Channel channel, String division) {
        if (channel.divisionPrefixes().isEmpty()) {
            return true;
        }
        if (division == null) {
            return false;
        }
        for (String prefix : channel.divisionPrefixes()) {
            if (division.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
