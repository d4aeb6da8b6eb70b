package org.cityos.simulator.behaviour;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Daxing's outdoor temperature by season and hour (about -4 °C in January, 27 °C in July, warmest at 15:00). */
final class Weather {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Weather() {}

    static double outdoorCelsius(Instant t, double offset) {
        ZonedDateTime local = t.atZone(BEIJING);
        double day = local.getDayOfYear();
        double hour = hourOfDay(local);
        double season = 11.5 - 15.5 * Math.cos(2 * Math.PI * (day - 17) / 365.0);
        double diurnal = 5 * Math.cos(2 * Math.PI * (hour - 15) / 24.0);
        return season + diurnal + offset;
    }

    static double hourOfDay(Instant t) {
        return hourOfDay(t.atZone(BEIJING));
    }

    static double hourOfDay(ZonedDateTime local) {
        return local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
    }

    /** 1 at mid-afternoon, 0 in the small hours: the shape of human activity and sunlight. */
    static double daytime(Instant t) {
        return 0.5 + 0.5 * Math.cos(2 * Math.PI * (hourOfDay(t) - 14) / 24.0);
    }
}
