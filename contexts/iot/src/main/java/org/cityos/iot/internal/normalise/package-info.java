/** STUB. */
package org.cityos.iot.internal.normalise;
