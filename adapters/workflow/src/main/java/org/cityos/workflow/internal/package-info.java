/** The timer engine's moving parts (SQL store, firing transaction, runner threads, back-off, metrics), not for use outside the adapter. */
package org.cityos.workflow.internal;
