/** HTTP of the alerting context: rules, templates, dry runs, alarms. */
package org.cityos.alerting.web;
