package org.cityos.alerting.internal.expr;

import java.util.List;

/** The vocabulary and readings the condition tests share: an air-quality station on a metro line. */
final class Fixtures {
    static final Vocabulary VOCABULARY = Vocabulary.builder()
            .number("pm25")
            .number("pm10")
            .number("temp")
            .bool("smokeAlarm")
            .bool("open")
            .text("lineCode")
            .text("name")
            .textList("tags")
            .build();

    static final ConditionCompiler COMPILER = new ConditionCompiler();

    private Fixtures() {}

    /** Every variable present. */
    static Facts station() {
        Facts f = new Facts(VOCABULARY);
        f.number(slot("pm25"), 80);
        f.number(slot("pm10"), 120);
        f.number(slot("temp"), -3.5);
        f.bool(slot("smokeAlarm"), true);
        f.bool(slot("open"), false);
        f.text(slot("lineCode"), "301");
        f.text(slot("name"), "Daxing Station 7");
        f.texts(slot("tags"), List.of("metro", "south"));
        return f;
    }

    /** Only pm25 = 80 reported; everything else missing. */
    static Facts sparse() {
        Facts f = new Facts(VOCABULARY);
        f.number(slot("pm25"), 80);
        return f;
    }

    /** The condition on cel-java's runtime, whether or not the native tree covers it. */
    static Condition onRuntime(String source) {
        return COMPILER.compileBothWays(source, VOCABULARY)[1];
    }

    static int slot(String name) {
        return VOCABULARY.slot(name);
    }
}
