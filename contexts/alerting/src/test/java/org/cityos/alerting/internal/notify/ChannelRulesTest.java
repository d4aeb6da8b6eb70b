package org.cityos.alerting.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cityos.alerting.ChannelDraft;
import org.cityos.alerting.RuleId;
import org.cityos.kernel.problem.FieldIssue;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {
    static final String SECRET = "whsec-0123456789abcdef";

    static List<String> fields(ChannelDraft d) {
        return ChannelRules.check(d, Set.of("city")).stream()
                .map(FieldIssue::field)
                .toList();
    }

    @Test
    void webhookUrlsMustBeHttpOrHttpsWithAHostAndNoCredentials() {
        assertThat(fields(ChannelDraft.webhook("a", "https://hooks.example.org/x?y=1", SECRET)))
                .isEmpty();
        assertThat(fields(ChannelDraft.webhook("a", "http://127.0.0.1:8000/hook", SECRET)))
                .isEmpty();
        for (String bad : List.of(
                "ftp://example.org/x",
                "javascript:alert(1)",
                "https://user:pw@example.org/x",
                "https:///nohost",
                "https://example.org/x#frag",
                "not a url",
                "")) {
            assertThat(fields(ChannelDraft.webhook("a", bad, SECRET))).as(bad).containsExactly("url");
        }
    }

    @Test
    void secretsAreLongEnoughAndMaskedOnesAreLeftToTheFacade() {
        assertThat(fields(ChannelDraft.webhook("a", "https://e.org", "short"))).containsExactly("secret");
        assertThat(fields(ChannelDraft.webhook("a", "https://e.org", "x".repeat(257))))
                .containsExactly("secret");
        assertThat(fields(ChannelDraft.webhook("a", "https://e.org", "********cdef")))
                .isEmpty();
    }

    @Test
    void emailAddressesMustBeAddresses() {
        assertThat(fields(ChannelDraft.email("a", List.of("duty@example.org", "Ops.Team+cityos@mail.example.cn"))))
                .isEmpty();
        for (String bad :
                List.of("duty", "duty@", "@example.org", "a b@example.org", "x@y", "a@b.org>\r\nBcc: z@q.org")) {
            assertThat(fields(ChannelDraft.email("a", List.of(bad)))).as(bad).containsExactly("recipients");
        }
        assertThat(fields(ChannelDraft.email("a", List.of())))
                .as("an e-mail channel without recipients")
                .containsExactly("recipients");
        assertThat(fields(ChannelDraft.email("a", List.of("a@example.org", "A@example.org"))))
                .as("the same address twice, whatever its case")
                .containsExactly("recipients");
    }

    @Test
    void phonesAreMainlandMobilesOrE164() {
        assertThat(ChannelRules.isPhone("13812345678")).isTrue();
        assertThat(ChannelRules.isPhone("19912345678")).isTrue();
        assertThat(ChannelRules.isPhone("+8613812345678")).isTrue();
        assertThat(ChannelRules.isPhone("+85261234567")).isTrue();
        assertThat(ChannelRules.isPhone("12812345678"))
                .as("no 12x mobile prefix")
                .isFalse();
        assertThat(ChannelRules.isPhone("1381234567")).as("ten digits").isFalse();
        assertThat(ChannelRules.isPhone("010-12345678")).as("a landline").isFalse();
        assertThat(ChannelRules.isPhone("+0123456789")).isFalse();
        assertThat(ChannelRules.isPhone("+1234567890123456"))
                .as("longer than E.164 allows")
                .isFalse();
        assertThat(fields(ChannelDraft.sms("a", List.of("138 1234-5678"), "city")))
                .as("spaces and dashes people type are ignored")
                .isEmpty();
        assertThat(fields(ChannelDraft.sms("a", List.of("13812345678", "138 1234 5678"), "city")))
                .containsExactly("phones");
    }

    @Test
    void smsGatewaysMustBeConfiguredAndNamedWhenThereAreSeveral() {
        ChannelDraft unnamed = ChannelDraft.sms("a", List.of("13812345678"), null);
        assertThat(ChannelRules.check(unnamed, Set.of("city"))).isEmpty();
        assertThat(ChannelRules.check(unnamed, Set.of("city", "backup")))
                .extracting(FieldIssue::messageKey)
                .containsExactly("notify.gateway-required");
        assertThat(ChannelRules.check(ChannelDraft.sms("a", List.of("13812345678"), "other"), Set.of("city")))
                .extracting(FieldIssue::messageKey)
                .containsExactly("notify.unknown-gateway");
    }

    @Test
    void filtersNameRealRulesAndDivisionPrefixes() {
        ChannelDraft d = ChannelDraft.webhook("a", "https://e.org", SECRET);
        assertThat(fields(
                        d.filtered(null, null, List.of(RuleId.random().value()), List.of("110115", "110115001001001"))))
                .isEmpty();
        assertThat(fields(d.filtered(null, null, List.of("rule-1"), null))).containsExactly("ruleIds");
        assertThat(fields(d.filtered(null, null, null, List.of("1")))).containsExactly("divisionPrefixes");
        assertThat(fields(d.filtered(null, null, null, List.of("1101150010010011"))))
                .containsExactly("divisionPrefixes");
    }

    @Test
    void namesAreRequiredShortAndPlain() {
        assertThat(fields(ChannelDraft.webhook(" ", "https://e.org", SECRET))).containsExactly("name");
        assertThat(fields(ChannelDraft.webhook("x".repeat(101), "https://e.org", SECRET)))
                .containsExactly("name");
        assertThat(fields(ChannelDraft.webhook("a<script>", "https://e.org", SECRET)))
                .containsExactly("name");
        assertThat(fields(ChannelDraft.webhook("值班\n系统", "https://e.org", SECRET)))
                .containsExactly("name");
    }
}
