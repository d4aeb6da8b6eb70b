/** Working-time arithmetic over office hours, calendar import checks, deadline-policy checks and cache refreshing. */
package org.cityos.casework.internal.calendar;
