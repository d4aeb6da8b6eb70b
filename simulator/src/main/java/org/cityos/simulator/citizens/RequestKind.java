package org.cityos.simulator.citizens;

/** One line of the request mix: a casework category, how often it comes, its public service, sample wording. */
public record RequestKind(String category, double weight, String open311Service, String title, String content) {
    /** True when citizens can also file this kind through Open311. */
    public boolean public311() {
        return open311Service != null && !open311Service.isEmpty();
    }
}
