package org.cityos.alerting.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.internal.expr.Fixtures.COMPILER;
import static org.cityos.alerting.internal.expr.Fixtures.VOCABULARY;
import static org.cityos.alerting.internal.expr.Fixtures.slot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One compiled condition shared by several threads, each with its own facts: no shared mutable state. */
class ConcurrentEvaluationTest {
    private static final String SOURCE =
            "pm25 > 75 && pm10 < 300 || lineCode in ['301', '302'] && name.matches('^D[a-z]+') || abs(temp) > 30";
    private static final String[] LINES = {"301", "302", "401"};
    private static final String[] NAMES = {"Daxing", "Yizhuang", "D7"};

    @Test
    void threadsWithTheirOwnFactsGetTheirOwnAnswers() throws Exception {
        List<Condition> conditions = List.of(COMPILER.compile(SOURCE, VOCABULARY), Fixtures.onRuntime(SOURCE));
        assertThat(conditions.get(0).compiled()).isTrue();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                wrong.add(pool.submit(() -> {
                    start.await();
                    return mismatches(conditions, new Random(seed));
                }));
            }
            start.countDown();
            for (Future<Integer> w : wrong) {
                assertThat(w.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int mismatches(List<Condition> conditions, Random random) {
        Facts f = new Facts(VOCABULARY);
        int wrong = 0;
        for (int i = 0; i < 10_000; i++) {
            double pm25 = random.nextInt(150);
            double pm10 = random.nextInt(400);
            double temp = random.nextInt(80) - 40;
            String line = LINES[random.nextInt(LINES.length)];
            String name = NAMES[random.nextInt(NAMES.length)];
            f.clear();
            f.number(slot("pm25"), pm25);
            f.number(slot("pm10"), pm10);
            f.number(slot("temp"), temp);
            f.text(slot("lineCode"), line);
            f.text(slot("name"), name);
            boolean expected = pm25 > 75 && pm10 < 300
                    || (line.equals("301") || line.equals("302")) && name.matches("^D[a-z]+.*")
                    || Math.abs(temp) > 30;
            // the runtime path is slow; sample it
            Condition c = i % 20 == 0 ? conditions.get(1) : conditions.get(0);
            wrong += c.test(f) == expected ? 0 : 1;
        }
        return wrong;
    }
}
