package org.cityos.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hot spot (高频诉求) detection settings ({@code cityos.casework.hotspots.*}).
 *
 * @param metres how near a case must be to a hot spot's centre (or to a cluster's first case) to belong to it
 * @param within how far back the detector looks: older cases never start or grow a hot spot
 * @param minCases how many cases of one category leaf make a hot spot
 * @param interval how often the detector runs
 * @param scheduled run the detector periodically (off in tests, which call it by hand)
 */
@ConfigurationProperties("cityos.casework.hotspots")
public record HotSpotProperties(
        @DefaultValue("300") double metres,
        @DefaultValue("7d") Duration within,
        @DefaultValue("5") int minCases,
        @DefaultValue("10m") Duration interval,
        @DefaultValue("true") boolean scheduled) {

    public HotSpotProperties {
        if (metres <= 0 || minCases < 2 || within.isNegative() || within.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("hot spots need a positive radius and window and at least 2 cases");
        }
    }
}
