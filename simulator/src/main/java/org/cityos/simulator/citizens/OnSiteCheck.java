package org.cityos.simulator.citizens;

import java.util.Set;
import org.cityos.kernel.GeoPoint;

/**
 * A case as a grid worker sees it when it goes to check the handlers' reply on site: its channel, where it stands,
 * the grid CityOS placed it in, its point and the version read (sent back as {@code If-Match}).
 */
public record OnSiteCheck(String caseId, String channel, String status, String grid, GeoPoint point, int version) {
    /** Channels whose replies CityOS has checked on site (with after-photos and GPS) rather than by a call. */
    static final Set<String> ON_SITE = Set.of("GRID", "ALARM", "EVENT");

    /** True when the case lies in {@code grid}, has been replied to, and is checked on site. */
    public boolean dueIn(String grid) {
        return grid.equals(this.grid) && "REPLIED".equals(status) && ON_SITE.contains(channel);
    }
}
