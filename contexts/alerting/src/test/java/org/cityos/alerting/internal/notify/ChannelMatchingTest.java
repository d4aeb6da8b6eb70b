package org.cityos.alerting.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cityos.alerting.AlarmFacts;
import org.cityos.alerting.AlarmId;
import org.cityos.alerting.Channel;
import org.cityos.alerting.Channel.AlarmChange;
import org.cityos.alerting.ChannelKind;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.Severity;
import org.junit.jupiter.api.Test;

class ChannelMatchingTest {
    static final RuleId RULE = RuleId.random();
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    static Channel channel(
            Severity min, Set<AlarmChange> events, List<String> rules, List<String> prefixes, boolean on) {
        return new Channel(
                UUID.randomUUID(),
                "c",
                ChannelKind.WEBHOOK,
                "https://e.org",
                "s",
                null,
                null,
                null,
                min,
                events,
                rules,
                prefixes,
                on,
                0,
                "t",
                NOW,
                NOW);
    }

    static AlarmFacts alarm(Severity severity, String division, RuleId rule) {
        return new AlarmFacts(
                AlarmId.random(),
                rule,
                "r",
                null,
                RuleKind.THRESHOLD,
                severity,
                "d",
                "d",
                "t",
                division,
                null,
                "x",
                null,
                NOW,
                0,
                0);
    }

    @Test
    void theMinimumSeverityLetsThatSeverityAndWorseThrough() {
        Channel orange = channel(Severity.ORANGE, Set.of(), List.of(), List.of(), true);
        assertThat(ChannelMatching.matches(orange, AlarmChange.RAISED, alarm(Severity.RED, "110115001001", RULE)))
                .isTrue();
        assertThat(ChannelMatching.matches(orange, AlarmChange.RAISED, alarm(Severity.ORANGE, "110115001001", RULE)))
                .isTrue();
        assertThat(ChannelMatching.matches(orange, AlarmChange.RAISED, alarm(Severity.YELLOW, "110115001001", RULE)))
                .isFalse();
        assertThat(ChannelMatching.matches(orange, AlarmChange.RAISED, alarm(Severity.BLUE, "110115001001", RULE)))
                .isFalse();
    }

    @Test
    void eventsFilterTheChangeAndFlappingNoticesGoWithRaises() {
        AlarmFacts a = alarm(Severity.RED, "110115001001", RULE);
        Channel raises = channel(Severity.BLUE, Set.of(AlarmChange.RAISED), List.of(), List.of(), true);
        Channel resolutions = channel(Severity.BLUE, Set.of(AlarmChange.RESOLVED), List.of(), List.of(), true);
        assertThat(ChannelMatching.matches(raises, AlarmChange.RAISED, a)).isTrue();
        assertThat(ChannelMatching.matches(raises, AlarmChange.CLEARED, a)).isFalse();
        assertThat(ChannelMatching.matches(raises, AlarmChange.FLAPPING, a)).isTrue();
        assertThat(ChannelMatching.matches(resolutions, AlarmChange.FLAPPING, a))
                .isFalse();
        assertThat(ChannelMatching.matches(resolutions, AlarmChange.RESOLVED, a))
                .isTrue();
    }

    @Test
    void divisionsMatchByPrefixAndRulesByIdAndDisabledChannelsNever() {
        Channel west = channel(Severity.BLUE, Set.of(), List.of(), List.of("110115001", "110115003002"), true);
        assertThat(ChannelMatching.matches(west, AlarmChange.RAISED, alarm(Severity.RED, "110115001001", RULE)))
                .isTrue();
        assertThat(ChannelMatching.matches(west, AlarmChange.RAISED, alarm(Severity.RED, "110115003002", RULE)))
                .isTrue();
        assertThat(ChannelMatching.matches(west, AlarmChange.RAISED, alarm(Severity.RED, "110115002001", RULE)))
                .isFalse();
        assertThat(ChannelMatching.matches(west, AlarmChange.RAISED, alarm(Severity.RED, null, RULE)))
                .isFalse();
        Channel oneRule = channel(Severity.BLUE, Set.of(), List.of(RULE.value()), List.of(), true);
        assertThat(ChannelMatching.matches(oneRule, AlarmChange.RAISED, alarm(Severity.RED, "110115001001", RULE)))
                .isTrue();
        assertThat(ChannelMatching.matches(
                        oneRule, AlarmChange.RAISED, alarm(Severity.RED, "110115001001", RuleId.random())))
                .isFalse();
        Channel off = channel(Severity.BLUE, Set.of(), List.of(), List.of(), false);
        assertThat(ChannelMatching.matches(off, AlarmChange.RAISED, alarm(Severity.RED, "110115001001", RULE)))
                .isFalse();
    }
}
