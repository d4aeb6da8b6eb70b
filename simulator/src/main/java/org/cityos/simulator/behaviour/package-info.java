/** What each simulated device reports at a moment: cycles, noise, drift, dropouts and the scenario levers it reads. */
package org.cityos.simulator.behaviour;
