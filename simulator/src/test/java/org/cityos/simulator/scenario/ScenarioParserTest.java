package org.cityos.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioParserTest {
    static final String GOOD = """
            # rainstorm over Huangcun
            scenario rainstorm
            describe 暴雨 over Huangcun
            expect alarms template=waterlogging min=1 within=10m
            expect cases channel=ALARM min=2 within=1h30m

            at 0m   rain centre=116.34,39.73 radius=3000 mm-per-hour=60
              # a comment between steps
            at 40m  rain centre=116.34,39.73 radius=3000 mm-per-hour=0
            at 40m  complaints place=116.3,39.7 category=0304 count=3
            """;

    @Test
    void aGoodFileGivesItsNameExpectationsAndTypedStepsInOrder() {
        Scenario s = ScenarioParser.parse("good.scenario", GOOD);
        assertThat(s.name()).isEqualTo("rainstorm");
        assertThat(s.description()).isEqualTo("暴雨 over Huangcun");
        assertThat(s.expectations()).hasSize(2);
        Expectation alarms = s.expectations().get(0);
        assertThat(alarms.effect()).isEqualTo(ExpectedEffect.ALARMS);
        assertThat(alarms.filter("template")).isEqualTo("waterlogging");
        assertThat(alarms.min()).isEqualTo(1);
        assertThat(alarms.within()).isEqualTo(Duration.ofMinutes(10));
        assertThat(alarms.line()).isEqualTo(4);
        Expectation cases = s.expectations().get(1);
        assertThat(cases.filter("channel")).isEqualTo("ALARM");
        assertThat(cases.within()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.steps())
                .extracting(TimedStep::at)
                .containsExactly(Duration.ZERO, Duration.ofMinutes(40), Duration.ofMinutes(40));
        assertThat(s.steps()).extracting(TimedStep::line).containsExactly(7, 9, 10);
        assertThat(s.steps().get(0).step()).isEqualTo(new ScenarioStep.Rain(new GeoPoint(116.34, 39.73), 3000, 60));
        assertThat(s.steps().get(2).step())
                .isEqualTo(new ScenarioStep.Complaints(new GeoPoint(116.3, 39.7), "0304", 3, 30));
        assertThat(s.length()).isEqualTo(Duration.ofMinutes(40));
        assertThat(s.patience()).isEqualTo(Duration.ofMinutes(90));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown verb       | at 5m rian centre=1,2 radius=3 mm-per-hour=4            | 7  | unknown verb 'rian'
            unknown line verb  | when 5m rain                                            | 1  | unknown verb 'when'
            bad number         | at 5m rain centre=1,2 radius=3km mm-per-hour=4          | 30 | bad number for radius: '3km'
            bad point          | at 5m rain centre=116.3 radius=3 mm-per-hour=4          | 19 | bad point for centre
            missing key        | at 5m rain centre=1,2 radius=3                          | 31 | missing key 'mm-per-hour'
            unknown key        | at 5m rain centre=1,2 radius=3 mm-per-hour=4 depth=2    | 46 | unknown key 'depth' for rain
            out of order       | at 2m temperature offset=-3                             | 4  | time 2m is before the step of line 2
            bad duration       | at 5 temperature offset=-3                              | 4  | bad duration for at: '5'
            negative           | at 5m faults type=heat-pump-controller factor=-1        | 47 | factor must not be negative
            key twice          | at 5m temperature offset=-3 offset=-4                   | 29 | key 'offset' given twice
            not key=value      | at 5m temperature -3                                    | 19 | expected key=value, found '-3'
            missing verb       | at 5m                                                   | 6  | missing verb after the time
            bad count          | at 5m complaints place=1,2 category=0304 count=0        | 48 | bad number for count: '0'
            unknown effect     | expect fires min=1 within=5m                            | 8  | unknown effect 'fires'
            expect missing min | expect alarms template=waterlogging within=5m           | 46 | missing key 'min'
            expect no template | expect alarms min=1 within=5m                           | 30 | missing key 'template'
            expect bad filter  | expect cases colour=red min=1 within=5m                 | 14 | unknown key 'colour' for expect cases
            """)
    void eachKindOfBadLineIsReportedWithItsLineColumnAndReason(String kind, String badLine, int column, String reason) {
        String text = "scenario broken\nat 3m temperature offset=-1\n" + badLine + "\n";
        BadScenarioFile e =
                catchThrowableOfType(BadScenarioFile.class, () -> ScenarioParser.parse("broken.scenario", text));
        assertThat(e).as(kind).isNotNull();
        assertThat(e.line()).as(kind).isEqualTo(3);
        assertThat(e.column()).as(kind + ": " + e.getMessage()).isEqualTo(column);
        assertThat(e.reason()).as(kind).contains(reason);
        assertThat(e.getMessage()).startsWith("broken.scenario:3:" + column + ": ");
        assertThat(e.getStackTrace())
                .as("an error for people, not a stack trace")
                .isEmpty();
    }

    @Test
    void aFileMustStartWithItsNameAndHaveSteps() {
        BadScenarioFile noName = catchThrowableOfType(
                BadScenarioFile.class, () -> ScenarioParser.parse("x", "# comment\nat 0m temperature offset=1\n"));
        assertThat(noName.line()).isEqualTo(2);
        assertThat(noName.reason()).contains("expected 'scenario <name>'");

        BadScenarioFile badName =
                catchThrowableOfType(BadScenarioFile.class, () -> ScenarioParser.parse("x", "scenario Rain Storm\n"));
        assertThat(badName.line()).isEqualTo(1);
        assertThat(badName.column()).isEqualTo(10);

        BadScenarioFile noSteps = catchThrowableOfType(
                BadScenarioFile.class,
                () -> ScenarioParser.parse("x", "scenario quiet\nexpect cases min=1 within=1m\n"));
        assertThat(noSteps.reason()).contains("no steps");
    }

    @Test
    void everyBuiltInScenarioParsesAndStatesWhatItShouldCause() {
        for (String name : Scenarios.BUILT_IN) {
            Scenario s = Scenarios.builtIn(name);
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.expectations()).as(name).isNotEmpty();
            assertThat(s.description()).as(name).isNotBlank();
        }
        assertThat(Scenarios.builtIn("stops-signing").steps().get(0).step())
                .isEqualTo(new ScenarioStep.Signing("dept:urban-management", true));
    }
}
