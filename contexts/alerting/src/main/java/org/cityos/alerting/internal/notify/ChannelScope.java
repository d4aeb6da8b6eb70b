package org.cityos.alerting.internal.notify;

import java.util.List;
import org.cityos.alerting.Channel;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;

/**
 * A channel belongs to the divisions it listens to. An actor sees (and may change) a channel only when every one of
 * its division prefixes lies within the actor's scope, so nobody can route another town's alarms to themselves.
 * Channels listening everywhere (no prefix) are CityOS's own.
 */
public final class ChannelScope {
    private ChannelScope() {}

    public static boolean visible(Actor actor, Channel channel) {
        if (actor.isSystem()) {
            return true;
        }
        return !channel.divisionPrefixes().isEmpty()
                && channel.divisionPrefixes().stream().allMatch(p -> within(actor, p));
    }

    /** Whether alarms under {@code prefix} are all within the actor's division scope. */
    public static boolean within(Actor actor, String prefix) {
        if (actor.isSystem()) {
            return true;
        }
        for (DivisionCode scope : actor.divisions()) {
            if (prefix.startsWith(scope.prefix())) {
                return true;
            }
        }
        return false;
    }

    /** What an empty prefix list means for this actor: everything it covers. */
    public static List<String> defaults(Actor actor) {
        return actor.isSystem()
                ? List.of()
                : actor.divisions().stream()
                        .map(DivisionCode::prefix)
                        .distinct()
                        .toList();
    }
}
