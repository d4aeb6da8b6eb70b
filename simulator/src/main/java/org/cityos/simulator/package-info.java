/** The simulated city (issue 8): its entry point, settings and command line over the world, behaviour and connect packages. */
package org.cityos.simulator;
