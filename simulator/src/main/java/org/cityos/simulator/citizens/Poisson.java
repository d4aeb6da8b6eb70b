package org.cityos.simulator.citizens;

import java.util.random.RandomGenerator;

/** How many of a rare, independent thing happen in a period, given how many are expected. */
final class Poisson {
    private Poisson() {}

    /** Knuth's product method while it is cheap, a rounded normal beyond. */
    static int draw(RandomGenerator random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
