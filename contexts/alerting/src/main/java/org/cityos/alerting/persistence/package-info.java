<<<<<<< HEAD
/** SQL of the alerting context: rules, alarms and their steps, engine state, notification channels. */
=======
/** Plain SQL for the alerting context's tables ({@code alerting_*}). */
>>>>>>> notify
package org.cityos.alerting.persistence;
