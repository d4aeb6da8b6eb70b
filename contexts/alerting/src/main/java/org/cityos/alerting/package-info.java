/** Monitoring and early warning: rules over the live stream, alarms with a lifecycle, notifications. */
package org.cityos.alerting;
