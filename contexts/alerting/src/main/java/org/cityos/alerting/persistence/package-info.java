/** SQL of the alerting context: rules, alarms and their steps, engine state, notification channels. */
package org.cityos.alerting.persistence;
