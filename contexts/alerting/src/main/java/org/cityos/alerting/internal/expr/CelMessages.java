package org.cityos.alerting.internal.expr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns cel-java's messages into reasons an author can read: no internal names, no lists of grammar tokens. */
final class CelMessages {
    private static final Pattern CONTAINER = Pattern.compile(" \\(in container '[^']*'\\)");
    private static final Pattern CANDIDATES = Pattern.compile(" \\(candidates: .*\\)$", Pattern.DOTALL);
    private static final Pattern UNEXPECTED =
            Pattern.compile("^(?:mismatched|extraneous) input '(.*)' expecting.*$", Pattern.DOTALL);
    private static final Pattern NO_VIABLE = Pattern.compile("^no viable alternative at input '(.*)'$");
    private static final Pattern TOKEN = Pattern.compile("^token recognition error at: '(.*)'$");
    private static final Pattern RUNTIME_PREFIX = Pattern.compile("^evaluation error(?: at [^:]+:\\d+)?: ");
    private static final Pattern OPERATOR = Pattern.compile("'(_[^' ]*_|!_|-_|@in)'");

    private CelMessages() {}

    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "invalid condition";
        }
        String m = CONTAINER.matcher(message).replaceAll("");
        m = CANDIDATES.matcher(m).replaceAll("");
        m = RUNTIME_PREFIX.matcher(m).replaceFirst("");
        Matcher u = UNEXPECTED.matcher(m);
        if (u.matches()) {
            return u.group(1).equals("<EOF>") ? "the condition ends too early" : "unexpected '" + u.group(1) + "'";
        }
        Matcher v = NO_VIABLE.matcher(m);
        if (v.matches()) {
            return "cannot read '" + v.group(1) + "'";
        }
        Matcher t = TOKEN.matcher(m);
        if (t.matches()) {
            return "unexpected character '" + t.group(1) + "'";
        }
        return OPERATOR.matcher(m).replaceAll(r -> "'" + Matcher.quoteReplacement(operator(r.group(1))) + "'");
    }

    private static String operator(String function) {
        return switch (function) {
            case "!_" -> "!";
            case "-_" -> "-";
            case "@in" -> "in";
            case "_?_:_" -> "? :";
            case "_[_]" -> "[]";
            default -> function.substring(1, function.length() - 1);
        };
    }
}
