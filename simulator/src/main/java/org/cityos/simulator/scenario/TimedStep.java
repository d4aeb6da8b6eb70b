package org.cityos.simulator.scenario;

import java.time.Duration;

/** A step and when it happens, as an offset from the scenario's start; {@code line} points back into the file. */
public record TimedStep(Duration at, int line, ScenarioStep step) {}
