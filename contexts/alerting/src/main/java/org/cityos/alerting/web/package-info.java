/** HTTP API of the alerting context. */
package org.cityos.alerting.web;
