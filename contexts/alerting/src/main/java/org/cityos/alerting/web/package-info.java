/** HTTP of the alerting context: rules, templates, dry runs, alarms, notification channels, the live alarm stream. */
package org.cityos.alerting.web;
