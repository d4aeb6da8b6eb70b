package org.cityos.catalog.quality;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When quality runs by itself and how much it reads.
 *
 * @param interval how old a resource's last run may be before the schedule runs it again (default 1 day)
 * @param tick how often the schedule looks for due resources (default 10 minutes)
 * @param scheduleEnabled false to run only on demand and on import
 * @param maxRows most rows read from a named source, and most rows of an uploaded table
 */
@ConfigurationProperties("cityos.catalog.quality")
public record QualityProperties(Duration interval, Duration tick, Boolean scheduleEnabled, int maxRows) {

    public QualityProperties {
        interval = interval == null ? Duration.ofDays(1) : interval;
        tick = tick == null ? Duration.ofMinutes(10) : tick;
        scheduleEnabled = scheduleEnabled == null || scheduleEnabled;
        maxRows = maxRows <= 0 ? 100_000 : maxRows;
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("cityos.catalog.quality.tick must be above 0");
        }
    }
}
