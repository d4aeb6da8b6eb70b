/** Plain SQL for the IoT context's tables ({@code iot_*}). */
package org.cityos.iot.persistence;
