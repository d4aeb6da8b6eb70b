/** Alarms' lifecycle: findings become alarms (deduplicated, reopened, flapping held back), escalation, settling. */
package org.cityos.alerting.internal.alarms;
