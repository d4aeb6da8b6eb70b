package org.cityos.casework;

import java.time.Duration;
import java.time.ZoneId;
import org.cityos.casework.internal.calendar.OfficeHours;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working calendar's settings.
 *
 * @param zone where working days and office hours are counted; Beijing time
 * @param officeHours the periods of a working day, {@code 09:00-12:00,13:30-18:00} (7.5 hours) by default, as most
 *     district offices keep a lunch break; only these count as working hours
 * @param checkInterval how often a node checks whether another node changed the calendar or the deadline policies
 */
@ConfigurationProperties("cityos.casework.calendar")
public record CalendarProperties(ZoneId zone, String officeHours, Duration checkInterval) {
    public static final String DEFAULT_OFFICE_HOURS = "09:00-12:00,13:30-18:00";

    public CalendarProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        officeHours = officeHours == null || officeHours.isBlank() ? DEFAULT_OFFICE_HOURS : officeHours.strip();
        checkInterval = checkInterval == null ? Duration.ofSeconds(30) : checkInterval;
        // Fails at start rather than at the first deadline.
        OfficeHours.parse(officeHours);
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("cityos.casework.calendar.check-interval must be positive");
        }
    }

    public static CalendarProperties defaults() {
        return new CalendarProperties(null, null, null);
    }
}
