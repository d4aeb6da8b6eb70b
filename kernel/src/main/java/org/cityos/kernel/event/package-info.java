/** The event bus port: domain events stored with the change they describe and delivered after commit. */
package org.cityos.kernel.event;
