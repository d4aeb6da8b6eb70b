package org.cityos.alerting.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cityos.alerting.internal.expr.Fixtures.COMPILER;
import static org.cityos.alerting.internal.expr.Fixtures.VOCABULARY;

import org.junit.jupiter.api.Test;

/** Conditions refused at save, with the 1-based line and column an editor can point at. */
class ConditionRejectedTest {
    private static ConditionRejected rejected(String source) {
        return catchThrowableOfType(ConditionRejected.class, () -> COMPILER.compile(source, VOCABULARY));
    }

    @Test
    void emptyOrBlankConditionsAreRefused() {
        for (String blank : new String[] {"", "   ", "\n\t", null}) {
            ConditionRejected r = rejected(blank);
            assertThat(r).isNotNull();
            assertThat(r.reason()).contains("empty");
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.column()).isEqualTo(1);
        }
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        ConditionRejected early = rejected("pm25 >");
        assertThat(early.line()).isEqualTo(1);
        assertThat(early.column()).isEqualTo(7);
        assertThat(early.reason()).isEqualTo("the condition ends too early");
        assertThat(early.source()).isEqualTo("pm25 >");

        ConditionRejected shift = rejected("pm25 > 1 &&\n\n  pm10 >> 3");
        assertThat(shift.line()).isEqualTo(3);
        assertThat(shift.column()).isEqualTo(9);
        assertThat(shift.reason()).isEqualTo("unexpected '>'");
        assertThat(shift.getMessage()).startsWith("line 3, column 9: ");

        ConditionRejected character = rejected("pm25 > 75 # comment");
        assertThat(character.column()).isEqualTo(11);
        assertThat(character.reason()).contains("'#'");
    }

    @Test
    void undeclaredNamesAreRefusedWhereTheyStand() {
        ConditionRejected first = rejected("pm2_5 > 75");
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.column()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo("undeclared reference to 'pm2_5'");

        ConditionRejected later = rejected("pm25 > 75 &&\n   humidity < 30");
        assertThat(later.line()).isEqualTo(2);
        assertThat(later.column()).isEqualTo(4);
        assertThat(later.reason()).contains("'humidity'").doesNotContain("container");
    }

    @Test
    void aConditionMustBeTrueOrFalse() {
        ConditionRejected number = rejected("pm25 + 1");
        assertThat(number.reason()).isEqualTo("a condition must be true or false, this gives a number");
        assertThat(number.column()).isEqualTo(6);
        assertThat(rejected("lineCode").reason()).endsWith("gives text");
        assertThat(rejected("tags").reason()).endsWith("gives a list");
        assertThat(rejected("smokeAlarm ? 1 : 0").reason()).endsWith("gives a number");
    }

    @Test
    void typeErrorsNameTheOperatorNotCelInternals() {
        ConditionRejected r = rejected("lineCode > 3");
        assertThat(r.reason()).isEqualTo("found no matching overload for '>' applied to '(string, double)'");
        assertThat(r.column()).isEqualTo(10);
        assertThat(rejected("!pm25").reason()).contains("'!'");
        assertThat(rejected("pm25 in tags").reason()).contains("'in'");
    }

    @Test
    void aRegularExpressionRe2CannotCompileIsRefusedAtItsPosition() {
        ConditionRejected r = rejected("pm25 > 1 && name.matches('(unclosed')");
        assertThat(r.reason()).startsWith("invalid regular expression");
        assertThat(r.column()).isEqualTo(26);
        // Java's regex would take a back reference; RE2 does not, and cel-java matches with RE2
        assertThat(rejected("name.matches('(a)\\\\1')").reason()).startsWith("invalid regular expression");
        // RE2 has no catastrophic backtracking, but a huge program would still cost on every event
        assertThat(rejected("name.matches('" + "(a*)*".repeat(500) + "b')").reason())
                .isEqualTo("regular expression too large");
    }

    @Test
    void minAndMaxTakeTwoToEightNumbers() {
        assertThat(rejected("min(pm25) > 1")).isNotNull();
        assertThat(rejected("max(1, 2, 3, 4, 5, 6, 7, 8, 9) > 1")).isNotNull();
        assertThat(COMPILER.compile("max(1, 2, 3, 4, 5, 6, 7, pm25) > 1", VOCABULARY)
                        .compiled())
                .isTrue();
    }

    @Test
    void hostileInputIsRejectedNotCrashing() {
        String[] hostile = {
            "(".repeat(10_000) + "true" + ")".repeat(10_000),
            "pm25 > 1" + " && pm25 > 1".repeat(20_000),
            "'" + "x".repeat(200_000) + "' == name",
            "\u0000\uFFFF",
            "pm25 > 1 &&& pm10",
            "name.matches('" + "(a*)*".repeat(2_000) + "b')",
        };
        for (String source : hostile) {
            ConditionRejected r = rejected(source);
            assertThat(r).as(source.substring(0, Math.min(40, source.length()))).isNotNull();
            assertThat(r.line()).isPositive();
            assertThat(r.column()).isPositive();
            assertThat(r.reason()).isNotBlank();
        }
        // repeated negations are folded by the parser, not refused
        assertThat(COMPILER.compile("!".repeat(5_000) + "open", VOCABULARY).test(Fixtures.station()))
                .isFalse();
        assertThat(COMPILER.compile("!".repeat(5_001) + "open", VOCABULARY).test(Fixtures.station()))
                .isTrue();
    }
}
