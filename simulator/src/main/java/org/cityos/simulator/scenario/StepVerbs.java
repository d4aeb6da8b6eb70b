package org.cityos.simulator.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The verbs a step line may use: the keys each requires or accepts, and how its step is made from them. */
final class StepVerbs {
    record Verb(List<String> required, Set<String> optional, Function<Arguments, ScenarioStep> make) {}

    static final Map<String, Verb> ALL = new TreeMap<>(Map.of(
            "rain",
            new Verb(
                    List.of("centre", "radius", "mm-per-hour"),
                    Set.of(),
                    a -> new ScenarioStep.Rain(
                            a.point("centre"), a.nonNegative("radius"), a.nonNegative("mm-per-hour"))),
            "temperature",
            new Verb(List.of("offset"), Set.of(), a -> new ScenarioStep.Temperature(a.number("offset"))),
            "faults",
            new Verb(
                    List.of("type", "factor"),
                    Set.of(),
                    a -> new ScenarioStep.Faults(a.text("type"), a.nonNegative("factor"))),
            "gas-leak",
            new Verb(
                    List.of("site", "radius", "peak-ppm"),
                    Set.of(),
                    a -> new ScenarioStep.GasLeak(a.point("site"), a.nonNegative("radius"), a.nonNegative("peak-ppm"))),
            "off-route",
            new Verb(
                    List.of("vehicle", "metres"),
                    Set.of(),
                    a -> new ScenarioStep.OffRoute(a.text("vehicle"), a.nonNegative("metres"))),
            "complaints",
            new Verb(
                    List.of("place", "category", "count"),
                    Set.of("spread"),
                    a -> new ScenarioStep.Complaints(
                            a.point("place"), a.text("category"), a.count("count"), a.nonNegative("spread", 30))),
            "stop-signing",
            new Verb(List.of("unit"), Set.of(), a -> new ScenarioStep.Signing(a.text("unit"), true)),
            "resume-signing",
            new Verb(List.of("unit"), Set.of(), a -> new ScenarioStep.Signing(a.text("unit"), false))));

    private StepVerbs() {}
}
