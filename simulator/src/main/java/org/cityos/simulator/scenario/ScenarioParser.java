package org.cityos.simulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the line-oriented scenario format (docs/simulator.md): a {@code scenario <name>} line, an optional
 * {@code describe …}, {@code expect <effect> key=value … min=N within=D} lines and {@code at <offset> <verb>
 * key=value …} steps in time order; {@code #} starts a comment line. Anything else is a {@link BadScenarioFile}
 * naming the line, the column and the reason.
 */
public final class ScenarioParser {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private ScenarioParser() {}

    /** Parses {@code text}; {@code source} names the file in error messages. */
    public static Scenario parse(String source, String text) {
        String name = null;
        String description = "";
        List<Expectation> expectations = new ArrayList<>();
        List<TimedStep> steps = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            List<Arguments.Word> words = words(lines[i]);
            if (words.isEmpty() || words.get(0).text().startsWith("#")) {
                continue;
            }
            Arguments.Word first = words.get(0);
            int end = lines[i].stripTrailing().length() + 1;
            if (name == null && !first.text().equals("scenario")) {
                throw new BadScenarioFile(
                        source, lineNo, first.column(), "expected 'scenario <name>' before anything else");
            }
            switch (first.text()) {
                case "scenario" -> name = name(source, lineNo, words, name, end);
                case "describe" ->
                    description = lines[i].substring(first.column() - 1 + "describe".length())
                            .strip();
                case "expect" -> expectations.add(expectation(source, lineNo, words, end));
                case "at" -> steps.add(step(source, lineNo, words, end, steps));
                default ->
                    throw new BadScenarioFile(
                            source,
                            lineNo,
                            first.column(),
                            "unknown verb '" + first.text() + "' (expected scenario, describe, expect or at)");
            }
        }
        if (name == null) {
            throw new BadScenarioFile(source, lines.length, 1, "no 'scenario <name>' line");
        }
        if (steps.isEmpty()) {
            throw new BadScenarioFile(source, lines.length, 1, "no steps: a scenario needs at least one 'at' line");
        }
        return new Scenario(name, description, expectations, steps);
    }

    private static String name(String source, int line, List<Arguments.Word> words, String before, int end) {
        if (before != null) {
            throw new BadScenarioFile(source, line, words.get(0).column(), "a second 'scenario' line");
        }
        if (words.size() != 2 || !NAME.matcher(words.get(1).text()).matches()) {
            int column = words.size() < 2 ? end : words.get(1).column();
            throw new BadScenarioFile(
                    source, line, column, "expected one name of lower-case letters, digits and '-' after 'scenario'");
        }
        return words.get(1).text();
    }

    private static Expectation expectation(String source, int line, List<Arguments.Word> words, int end) {
        if (words.size() < 2) {
            throw new BadScenarioFile(source, line, end, "missing effect after 'expect'");
        }
        Arguments.Word word = words.get(1);
        ExpectedEffect effect = ExpectedEffect.byWord(word.text());
        if (effect == null) {
            List<String> known = new ArrayList<>();
            for (ExpectedEffect e : ExpectedEffect.values()) {
                known.add(e.word());
            }
            throw new BadScenarioFile(
                    source,
                    line,
                    word.column(),
                    "unknown effect '" + word.text() + "' (expected one of " + String.join(", ", known) + ")");
        }
        Arguments args = arguments(source, line, words, 2, end);
        TreeSet<String> accepted = new TreeSet<>(effect.accepted());
        accepted.add("min");
        accepted.add("within");
        rejectUnknown(args, accepted, "expect " + effect.word());
        Map<String, String> filters = new LinkedHashMap<>();
        for (String key : effect.required()) {
            filters.put(key, args.text(key));
        }
        args.all().forEach((key, value) -> {
            if (effect.accepted().contains(key)) {
                filters.put(key, value.text());
            }
        });
        return new Expectation(effect, filters, args.count("min"), args.duration("within"), line);
    }

    private static TimedStep step(
            String source, int line, List<Arguments.Word> words, int end, List<TimedStep> before) {
        if (words.size() < 2) {
            throw new BadScenarioFile(source, line, end, "missing time after 'at'");
        }
        Arguments.Word time = words.get(1);
        Duration at = new Arguments(source, line, end).duration(time, "at");
        if (!before.isEmpty() && at.compareTo(before.get(before.size() - 1).at()) < 0) {
            TimedStep previous = before.get(before.size() - 1);
            throw new BadScenarioFile(
                    source,
                    line,
                    time.column(),
                    "time " + time.text() + " is before the step of line " + previous.line()
                            + ": steps must be in time order");
        }
        if (words.size() < 3) {
            throw new BadScenarioFile(source, line, end, "missing verb after the time");
        }
        Arguments.Word verbWord = words.get(2);
        StepVerbs.Verb verb = StepVerbs.ALL.get(verbWord.text());
        if (verb == null) {
            throw new BadScenarioFile(
                    source,
                    line,
                    verbWord.column(),
                    "unknown verb '" + verbWord.text() + "' (expected one of "
                            + String.join(", ", StepVerbs.ALL.keySet()) + ")");
        }
        Arguments args = arguments(source, line, words, 3, end);
        TreeSet<String> accepted = new TreeSet<>(verb.required());
        accepted.addAll(verb.optional());
        rejectUnknown(args, accepted, verbWord.text());
        return new TimedStep(at, line, verb.make().apply(args));
    }

    private static Arguments arguments(String source, int line, List<Arguments.Word> words, int from, int end) {
        Arguments args = new Arguments(source, line, end);
        for (Arguments.Word w : words.subList(from, words.size())) {
            args.add(w);
        }
        return args;
    }

    private static void rejectUnknown(Arguments args, TreeSet<String> accepted, String what) {
        args.all().forEach((key, value) -> {
            if (!accepted.contains(key)) {
                throw args.error(
                        value.column() - key.length() - 1,
                        "unknown key '" + key + "' for " + what + " (accepts " + String.join(", ", accepted) + ")");
            }
        });
    }

    /** The whitespace-separated words of a line with their 1-based columns. */
    private static List<Arguments.Word> words(String line) {
        List<Arguments.Word> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (Character.isWhitespace(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            words.add(new Arguments.Word(line.substring(start, i), start + 1));
        }
        return words;
    }
}
