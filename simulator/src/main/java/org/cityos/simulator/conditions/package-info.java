/** The levers scenarios pull in the simulated city (rain, cold, faults, leaks, detours), read by the device models. */
package org.cityos.simulator.conditions;
