/** The synthetic district: where each simulated device stands, generated deterministically from a seed and a geography. */
package org.cityos.simulator.world;
