package org.cityos.simulator.scenario;

import java.util.List;
import java.util.Set;

/** The kinds of effect an {@code expect} line can name, with the filters each accepts. */
public enum ExpectedEffect {
    /** Alarms raised by a rule made from an alerting template. */
    ALARMS("alarms", List.of("template"), Set.of("template")),
    /** Cases received, by channel and category. */
    CASES("cases", List.of(), Set.of("channel", "category")),
    /** Hot spots of repeated requests about one place. */
    HOTSPOTS("hotspots", List.of(), Set.of("category")),
    /** Open cases past a deadline. */
    OVERDUE("overdue", List.of(), Set.of("unit", "category")),
    /** Cases supervised (by hand or automatically when overdue). */
    SUPERVISED("supervised", List.of(), Set.of("unit", "category"));

    private final String word;
    private final List<String> required;
    private final Set<String> accepted;

    ExpectedEffect(String word, List<String> required, Set<String> accepted) {
        this.word = word;
        this.required = required;
        this.accepted = accepted;
    }

    /** The word in the file. */
    public String word() {
        return word;
    }

    List<String> required() {
        return required;
    }

    Set<String> accepted() {
        return accepted;
    }

    static ExpectedEffect byWord(String word) {
        for (ExpectedEffect e : values()) {
            if (e.word.equals(word)) {
                return e;
            }
        }
        return null;
    }
}
