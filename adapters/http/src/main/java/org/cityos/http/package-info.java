/** HTTP conventions every context shares: RFC 9457 problems, request ids, body limits and the acting {@code Actor}. */
package org.cityos.http;
