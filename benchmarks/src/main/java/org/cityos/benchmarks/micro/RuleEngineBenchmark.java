package org.cityos.benchmarks.micro;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cityos.alerting.Aggregation;
import org.cityos.alerting.Rule;
import org.cityos.alerting.RuleDraft;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.RuleScope;
import org.cityos.alerting.Severity;
import org.cityos.alerting.internal.engine.CompiledRule;
import org.cityos.alerting.internal.engine.DeviceCatalog;
import org.cityos.alerting.internal.engine.DeviceFacts;
import org.cityos.alerting.internal.engine.Finding;
import org.cityos.alerting.internal.engine.FindingSink;
import org.cityos.alerting.internal.engine.RuleCompiler;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.internal.engine.TypeFacts;
import org.cityos.alerting.internal.expr.ConditionCompiler;
import org.cityos.alerting.internal.expr.VarType;
import org.cityos.iot.StoredReading;
import org.cityos.kernel.GeoPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rule engine with {@value #RULES} enabled rules over {@value #TYPES} device types of {@value #PROPERTIES}
 * properties each (every tenth rule an AGGREGATE over a 10-minute sliding window, the rest thresholds with
 * hysteresis), {@value #DEVICES} devices, events in batches of {@value #BATCH} readings as the ingest path hands
 * them over. Each (type, property) is watched by at least three rules, so every event evaluates at least three
 * conditions; values stay mostly normal, with a rare crossing. Baseline: the same conditions of the same events
 * evaluated by cel-java's own runtime with a map activation (the straightforward way), one condition per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEngineBenchmark {
    static final int RULES = 1_000;
    static final int TYPES = 50;
    static final int PROPERTIES = 6;
    static final int DEVICES = 10_000;
    static final int BATCH = 100;
    static final int EVENTS = 1 << 16;

    private RuleEngine engine;
    private String[] eventDevice;
    private String[] eventProperty;
    private double[] eventValue;
    private int[] eventType;
    private final List<StoredReading> batch = new ArrayList<>(BATCH);
    private long millis = Instant.parse("2026-11-24T00:00:00Z").toEpochMilli();
    private int next;
    private CelRuntime.Program[][] celByTypeProperty;

    /**
     * Conditions each event evaluates on average: the rules watching its (type, property), events spread evenly.
     * Setup measures the same with the engine's own count and refuses to run if it is below three.
     */
    static double conditionsPerEvent() {
        int[] watching = new int[TYPES * PROPERTIES];
        for (int i = 0; i < RULES; i++) {
            watching[(i % TYPES) * PROPERTIES + (i / TYPES) % PROPERTIES]++;
        }
        return java.util.Arrays.stream(watching).average().orElse(0);
    }

    @Setup(Level.Trial)
    public void setUp() {
        Catalog catalog = new Catalog();
        RuleCompiler compiler = new RuleCompiler(new ConditionCompiler(), catalog);
        List<CompiledRule> compiled = new ArrayList<>();
        Map<String, List<String>> conditions = new HashMap<>();
        for (int i = 0; i < RULES; i++) {
            int t = i % TYPES;
            String p = "p" + ((i / TYPES) % PROPERTIES);
            boolean windowed = i % 10 == 9;
            RuleDraft draft = windowed
                    ? new RuleDraft(
                            "w" + i,
                            null,
                            RuleKind.AGGREGATE,
                            Severity.YELLOW,
                            RuleScope.ofTypes("t" + t),
                            p,
                            "avg > 90.0 && count >= 3",
                            null,
                            Duration.ofMinutes(10),
                            new Aggregation(null, null, null),
                            null,
                            null,
                            null,
                            null,
                            null)
                    : RuleDraft.threshold(
                                    "r" + i,
                                    Severity.ORANGE,
                                    RuleScope.ofTypes("t" + t),
                                    p + " > " + (95 + i % 4) + ".0 && " + p + " < 1000.0 || " + p + " < -40.0")
                            .withClear(p + " < 80.0");
            Rule rule = new Rule(RuleId.random(), draft, true, null, null, 1, "bench", Instant.EPOCH, Instant.EPOCH);
            compiled.add(compiler.compile(rule));
            conditions
                    .computeIfAbsent("t" + t + "/" + p, k -> new ArrayList<>())
                    .add(windowed ? p + " > 90.0" : draft.condition());
        }
        engine = new RuleEngine(
                catalog, new Discard(), Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
        engine.load(compiled);
        SplittableRandom random = new SplittableRandom(11);
        eventDevice = new String[EVENTS];
        eventProperty = new String[EVENTS];
        eventValue = new double[EVENTS];
        eventType = new int[EVENTS];
        for (int e = 0; e < EVENTS; e++) {
            int d = random.nextInt(DEVICES);
            eventDevice[e] = "d" + d;
            eventType[e] = d % TYPES;
            eventProperty[e] = "p" + random.nextInt(PROPERTIES);
            eventValue[e] = random.nextInt(1000) == 0 ? 99.5 : 20 + random.nextDouble() * 50;
        }
        celByTypeProperty = celPrograms(conditions);
        long before = engine.evaluations();
        for (int i = 0; i < EVENTS / BATCH; i++) {
            engineBatch();
        }
        double measured = (engine.evaluations() - before) / (double) (EVENTS / BATCH * BATCH);
        if (measured < 3 || Math.abs(measured - conditionsPerEvent()) > 0.2) {
            throw new IllegalStateException("events evaluate " + measured + " conditions, expected "
                    + conditionsPerEvent() + " and at least 3");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int engineBatch() {
        batch.clear();
        for (int i = 0; i < BATCH; i++) {
            int e = next++ & (EVENTS - 1);
            batch.add(new StoredReading(
                    eventDevice[e], eventProperty[e], Instant.ofEpochMilli(millis++), eventValue[e], null));
        }
        engine.stored(batch);
        return batch.size();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int celRuntimeBatch() throws Exception {
        int held = 0;
        for (int i = 0; i < BATCH; i++) {
            int e = next++ & (EVENTS - 1);
            CelRuntime.Program[] programs =
                    celByTypeProperty[eventType[e] * PROPERTIES + (eventProperty[e].charAt(1) - '0')];
            Map<String, Object> activation = Map.of(eventProperty[e], eventValue[e]);
            for (CelRuntime.Program p : programs) {
                if (Boolean.TRUE.equals(p.eval(activation))) {
                    held++;
                }
            }
        }
        return held;
    }

    private static CelRuntime.Program[][] celPrograms(Map<String, List<String>> conditions) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder();
        for (int p = 0; p < PROPERTIES; p++) {
            builder.addVar("p" + p, SimpleType.DOUBLE);
        }
        CelCompiler compiler = builder.build();
        CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
        CelRuntime.Program[][] programs = new CelRuntime.Program[TYPES * PROPERTIES][];
        try {
            for (int t = 0; t < TYPES; t++) {
                for (int p = 0; p < PROPERTIES; p++) {
                    List<String> list = conditions.getOrDefault("t" + t + "/p" + p, List.of());
                    CelRuntime.Program[] ps = new CelRuntime.Program[list.size()];
                    for (int i = 0; i < ps.length; i++) {
                        CelAbstractSyntaxTree ast =
                                compiler.compile(list.get(i)).getAst();
                        ps[i] = runtime.createProgram(ast);
                    }
                    programs[t * PROPERTIES + p] = ps;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return programs;
    }

    /** Findings are rare here; a real writer takes them off the thread through a queue. */
    private static final class Discard implements FindingSink {
        @Override
        public void accept(Finding finding) {}
    }

    /** Fifty types of six numeric properties; ten thousand devices spread over them. */
    private static final class Catalog implements DeviceCatalog {
        private final Map<String, TypeFacts> types = new HashMap<>();
        private final Map<String, DeviceFacts> devices = new HashMap<>();

        Catalog() {
            for (int t = 0; t < TYPES; t++) {
                LinkedHashMap<String, VarType> p = new LinkedHashMap<>();
                for (int i = 0; i < PROPERTIES; i++) {
                    p.put("p" + i, VarType.NUMBER);
                }
                types.put("t" + t, new TypeFacts("t" + t, p));
            }
            for (int d = 0; d < DEVICES; d++) {
                devices.put(
                        "d" + d,
                        new DeviceFacts(
                                "d" + d,
                                "t" + (d % TYPES),
                                "110115001001",
                                "water",
                                List.of(),
                                GeoPoint.of(116.3 + d * 1e-5, 39.6)));
            }
        }

        @Override
        public Optional<DeviceFacts> device(String id) {
            return Optional.ofNullable(devices.get(id));
        }

        @Override
        public void ofType(String typeCode, Consumer<DeviceFacts> each) {
            devices.values().stream().filter(d -> d.typeCode().equals(typeCode)).forEach(each);
        }

        @Override
        public Optional<TypeFacts> type(String code) {
            return Optional.ofNullable(types.get(code));
        }
    }
}
