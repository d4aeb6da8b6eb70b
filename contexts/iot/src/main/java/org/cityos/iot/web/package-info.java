/** HTTP API of the IoT context. */
package org.cityos.iot.web;
