package org.cityos.catalog.theme;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How themes are refreshed.
 *
 * @param tick how often the schedule looks for tables due by their theme's interval (default 1 minute)
 * @param scheduleEnabled false to refresh only on demand
 * @param refreshTimeout the longest one table's refresh may take before it is cancelled and recorded as failed
 * @param zone the zone time buckets are cut in (default Asia/Shanghai)
 * @param builtins false to not seed the built-in themes at startup
 */
@ConfigurationProperties("cityos.catalog.theme")
public record ThemeProperties(
        Duration tick, Boolean scheduleEnabled, Duration refreshTimeout, ZoneId zone, Boolean builtins) {

    public ThemeProperties {
        tick = tick == null ? Duration.ofMinutes(1) : tick;
        scheduleEnabled = scheduleEnabled == null || scheduleEnabled;
        refreshTimeout = refreshTimeout == null ? Duration.ofMinutes(10) : refreshTimeout;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        builtins = builtins == null || builtins;
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("cityos.catalog.theme.tick must be above 0");
        }
    }
}
