/** Payload normalisation: turns a device's raw message of any supported form into typed, unit-converted, flagged readings. */
package org.cityos.iot.internal.normalise;
