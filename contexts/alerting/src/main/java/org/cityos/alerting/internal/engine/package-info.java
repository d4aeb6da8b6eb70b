/** The rule engine: rules compiled and indexed by device type and property, per-subject state, findings. */
package org.cityos.alerting.internal.engine;
