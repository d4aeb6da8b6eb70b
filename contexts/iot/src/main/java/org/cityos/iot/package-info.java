/** The IoT context's public face: device types, the device registry, device credentials and the video channel catalogue. */
package org.cityos.iot;
