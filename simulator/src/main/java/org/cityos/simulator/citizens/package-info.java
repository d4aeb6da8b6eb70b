/**
 * Citizens who file 12345 and Open311 requests with a daily rhythm, handler bots who work the units' inboxes, grid
 * workers who report from their grids and check replies on site, and the follow-up desk.
 */
package org.cityos.simulator.citizens;
