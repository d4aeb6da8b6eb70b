/** Plain SQL for the alerting context's tables ({@code alerting_*}). */
package org.cityos.alerting.persistence;
