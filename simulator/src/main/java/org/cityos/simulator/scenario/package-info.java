/** Scenario files (what happens when, and what it should cause), their parser, and the runner that plays them. */
package org.cityos.simulator.scenario;
