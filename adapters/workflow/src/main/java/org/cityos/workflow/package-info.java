/** Shared workflow infrastructure: durable timers that fire once across nodes, and approvals with deadlines. */
package org.cityos.workflow;
