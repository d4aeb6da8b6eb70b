/** Citizens who file 12345 and Open311 requests with a daily rhythm, and handler bots who work the units' inboxes. */
package org.cityos.simulator.citizens;
