/** Registry rules: device-type checks, the device id scheme, lifecycle, duplicates, credentials, imports and inventory. */
package org.cityos.iot.internal.registry;
