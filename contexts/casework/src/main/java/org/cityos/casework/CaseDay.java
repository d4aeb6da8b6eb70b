package org.cityos.casework;

import java.time.LocalDate;

/** Cases received and closed on one Beijing day, for the cockpit's trend chart. */
public record CaseDay(LocalDate day, long received, long closed) {}
