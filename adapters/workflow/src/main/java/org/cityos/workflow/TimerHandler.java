package org.cityos.workflow;

/** PLACEHOLDER until the workflow branch lands. */
public interface TimerHandler {
    String kind();

    void fire(FiredTimer timer) throws Exception;
}
