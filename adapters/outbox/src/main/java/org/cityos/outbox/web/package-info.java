/** HTTP view of event delivery for operators: parked deliveries, retries and counts. */
package org.cityos.outbox.web;
