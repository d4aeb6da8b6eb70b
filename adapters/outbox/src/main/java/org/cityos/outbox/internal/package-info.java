/** The outbox's moving parts (subscription registry, fan-out, delivery, back-off, relay thread), not for use outside the adapter. */
package org.cityos.outbox.internal;
