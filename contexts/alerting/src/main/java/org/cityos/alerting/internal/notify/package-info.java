/** Alarm notifications: channel rules, matching, the delivery outbox's intake and dispatcher, and the senders. */
package org.cityos.alerting.internal.notify;
