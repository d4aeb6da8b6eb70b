package org.cityos.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.cityos.catalog.ShareCallProblems.CallsLimited;
import org.cityos.catalog.ShareCallProblems.NotGranted;
import org.cityos.catalog.ShareCallProblems.ShareKeyInvalid;
import org.cityos.catalog.ShareCallProblems.ShareOutsidePeriod;
import org.cityos.catalog.web.SharedDataController;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.workflow.Approval;
import org.cityos.workflow.ApprovalStatus;
import org.cityos.workflow.Approvals;
import org.cityos.workflow.DecisionOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The data API end to end over a test source: request, narrow with a row filter and a quota, key, calls that see
 * only granted fields and rows, quota and rate refusals (429 with Retry-After), revocation and expiry refusing the
 * next call at once, and the call log both sides read.
 */
class SharedDataIT {
    static final Actor REQUESTER = SharingIT.REQUESTER; // transport
    static final Actor PROVIDER = SharingIT.PROVIDER; // ecology
    static final String CODE = "2-01-001-0001";
    CatalogFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CatalogFixture();
        f.create(CODE, "空气质量监测数据");
        f.jdbc.sql("CREATE TABLE test_station (station_id text, reporter_phone text, secret text)")
                .update();
        f.jdbc.sql("INSERT INTO test_station VALUES ('S1', '138', 'x'), ('S2', '139', 'y'), ('S3', '137', 'z')")
                .update();
        f.jdbc.sql("CREATE VIEW test_stations AS SELECT station_id, reporter_phone FROM test_station")
                .update();
        f.jdbc.sql("INSERT INTO catalog_share_source VALUES ('test.stations', 'test_stations', 'stations')")
                .update();
        f.grants.bindSource(PROVIDER, CODE, "test.stations");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static ShareDraft ask(String to) {
        return new ShareDraft(CODE, "transport", "交通污染联合分析", List.of("station_id", "reporter_phone"), "2026-11-26", to);
    }

    static MockHttpServletRequestBuilder call(String grant, String key) {
        return get("/api/share/v1/" + grant + "/rows").header(SharedDataController.KEY_HEADER, key);
    }

    @Test
    void narrowedGrantServesOnlyItsFieldsAndRowsUntilQuotaThenRevocationRefusesAtOnce() throws Exception {
        Actor[] as = {REQUESTER};
        MockMvc mvc = f.mvc(as);
        ShareRequest r = f.sharing.request(REQUESTER, ask("2026-12-31"));
        as[0] = PROVIDER;
        mvc.perform(post("/api/catalog/shares/" + r.id() + "/decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome": "NARROWED", "fields": ["station_id"], "reason": "电话不共享",
                                 "rowColumn": "station_id", "rowValues": ["S1", "S3"], "callsPerDay": 3}
                                """))
                .andExpect(status().isOk());
        String grant = f.grants.get(PROVIDER, r.id()).id();
        // The provider cannot take the requester's key.
        mvc.perform(post("/api/catalog/shares/" + r.id() + "/key")).andExpect(status().isForbidden());
        as[0] = REQUESTER;
        String key = JsonPath.read(
                mvc.perform(post("/api/catalog/shares/" + r.id() + "/key"))
                        .andExpect(status().isCreated())
                        .andExpect(header().string("Cache-Control", "no-store"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.key");
        assertThat(f.count("SELECT count(*) FROM catalog_share_grant WHERE key_digest IS NOT NULL"))
                .isOne();
        assertThat(f.count("SELECT count(*) FROM catalog_share_grant WHERE key_prefix = ?", key))
                .as("the key itself is never stored")
                .isZero();

        mvc.perform(call(grant, key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fields", containsInAnyOrder("station_id")))
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[0].station_id").value("S1"))
                .andExpect(jsonPath("$.rows[1].station_id").value("S3"))
                .andExpect(jsonPath("$.rows[0].reporter_phone").doesNotExist());
        mvc.perform(call(grant, key).param("fields", "station_id,reporter_phone"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", containsString("share-field-not-granted")))
                .andExpect(jsonPath("$.detail", containsString("reporter_phone")));
        mvc.perform(call(grant, key).param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.nextOffset").value(1));
        mvc.perform(call(grant, key).param("offset", "1").param("limit", "1"))
                .andExpect(jsonPath("$.rows[0].station_id").value("S3"))
                .andExpect(jsonPath("$.nextOffset").doesNotExist());
        // Three calls served: the daily quota is used up until midnight in the city (16:00 there now).
        mvc.perform(call(grant, key))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", String.valueOf(8 * 3600)))
                .andExpect(jsonPath("$.type", containsString("share-quota-exhausted")));

        as[0] = PROVIDER;
        mvc.perform(post("/api/catalog/shares/" + r.id() + "/revocation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"用途已结束\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedBy").value("steward"));
        f.clock.advance(Duration.ofDays(1)); // a fresh quota: the refusal below is the revocation's
        mvc.perform(call(grant, key))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", containsString("share-revoked")))
                .andExpect(jsonPath("$.detail", containsString("用途已结束")));
        assertThat(f.events.published()).anySatisfy(e -> assertThat(e).isInstanceOf(ShareRevoked.class));

        as[0] = REQUESTER;
        mvc.perform(get("/api/catalog/shares/" + r.id() + "/calls"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(6)))
                .andExpect(jsonPath("$[0].status").value(403))
                .andExpect(jsonPath("$[0].reason").value("share-revoked"))
                .andExpect(jsonPath("$[1].status").value(429))
                .andExpect(jsonPath("$[5].status").value(200))
                .andExpect(jsonPath("$[5].rows").value(2));
        assertThat(f.grants.calls(PROVIDER, r.id(), PageRequest.of(0, 100))).hasSize(6);
    }

    @Test
    void expiryByTheClockRateLimitsAndStaleKeysAreRefused() {
        ShareRequest r = f.sharing.request(REQUESTER, ask("2026-11-30"));
        f.sharing.decide(
                PROVIDER, r.id(), new ShareDecision(ShareStatus.APPROVED, null, null, null, null, null, null, 100, 1));
        ShareKey first = f.grants.issueKey(REQUESTER, r.id());
        ShareKey key = f.grants.issueKey(REQUESTER, r.id());
        assertThatThrownBy(() -> f.data.rows(first.grantId(), first.key(), List.of(), null, null))
                .as("a re-issued key replaces the old one")
                .isInstanceOf(ShareKeyInvalid.class);
        assertThatThrownBy(() -> f.data.rows("grt_other", key.key(), List.of(), null, null))
                .isInstanceOf(ShareKeyInvalid.class);
        assertThatThrownBy(() -> f.data.rows(key.grantId(), null, List.of(), null, null))
                .isInstanceOf(ShareKeyInvalid.class);
        SharedRows rows = f.data.rows(key.grantId(), key.key(), List.of(), null, null);
        assertThat(rows.fields()).containsExactly("station_id", "reporter_phone");
        assertThat(rows.rows()).hasSize(3);
        assertThat(rows.rows().get(0)).containsOnlyKeys("station_id", "reporter_phone");
        assertThatThrownBy(() -> f.data.rows(key.grantId(), key.key(), List.of(), null, null))
                .isInstanceOfSatisfying(CallsLimited.class, e -> {
                    assertThat(e.type()).isEqualTo("share-rate-limited");
                    assertThat(e.retryAfterSeconds()).isOne();
                });
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.data.rows(key.grantId(), key.key(), List.of(), null, null).rows())
                .hasSize(3);
        // 2026-11-30 is the last day granted: on 12-01 in the city the next call is refused.
        f.clock.advance(Duration.ofDays(4).plusHours(8));
        assertThatThrownBy(() -> f.data.rows(key.grantId(), key.key(), List.of(), null, null))
                .isInstanceOf(ShareOutsidePeriod.class);
        // Every call with this grant's id is logged, newest first, the refused ones with their status.
        assertThat(f.grants.calls(REQUESTER, r.id(), PageRequest.of(0, 100)))
                .extracting(ShareCall::status)
                .containsExactly(403, 200, 429, 200, 401, 401);
    }

    @Test
    void refusedAndUndecidedRequestsHaveNoGrantAndBadTermsAreRefusedByField() {
        ShareRequest refused = f.sharing.request(REQUESTER, ask("2026-12-31"));
        f.sharing.decide(PROVIDER, refused.id(), new ShareDecision(ShareStatus.REFUSED, null, null, null, "不宜"));
        assertThatThrownBy(() -> f.grants.issueKey(REQUESTER, refused.id())).isInstanceOf(NotGranted.class);
        ShareRequest open = f.sharing.request(REQUESTER, ask("2026-12-31"));
        assertThatThrownBy(() -> f.grants.issueKey(REQUESTER, open.id())).isInstanceOf(NotGranted.class);
        assertThatThrownBy(() -> f.sharing.decide(
                        PROVIDER,
                        open.id(),
                        new ShareDecision(
                                ShareStatus.NARROWED,
                                List.of("station_id"),
                                null,
                                null,
                                "x",
                                "reporter_phone",
                                List.of("138"),
                                0,
                                null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(FieldIssue::field)
                                .containsExactly("rowColumn", "callsPerDay"));
        assertThat(f.count("SELECT count(*) FROM catalog_share_grant")).isZero();
        assertThatThrownBy(() -> f.sharing.request(
                        REQUESTER,
                        new ShareDraft(CODE, "transport", "x", List.of("station_id"), "2026-11-25", "2026-12-31")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(FieldIssue::field)
                                .containsExactly("periodFrom"));
        assertThatThrownBy(() -> f.grants.bindSource(PROVIDER, CODE, "casework.nothing"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(FieldIssue::field)
                                .containsExactly("source"));
        assertThatThrownBy(() -> f.grants.bindSource(REQUESTER, CODE, "test.stations"))
                .isInstanceOf(org.cityos.kernel.problem.AccessDenied.class);
    }

    @Test
    void requestsAreApprovalsOnTheEngineDecidedThereOrExpiredByItsDeadline() {
        Approvals approvals = f.context.getBean(Approvals.class);
        ShareRequest viaEngine = f.sharing.request(REQUESTER, ask("2026-12-31"));
        ShareRequest late = f.sharing.request(REQUESTER, ask("2026-12-31"));
        assertThat(approvals.pending(Sharing.KIND))
                .extracting(Approval::subject)
                .containsExactlyInAnyOrder(viaEngine.id(), late.id());
        Approval pending = approvals.list(Sharing.KIND, viaEngine.id()).get(0);
        assertThat(pending.currentApprover()).contains("department:ecology");
        // Decided through the engine alone (a generic inbox): the request is decided and granted all the same.
        approvals.decide(
                pending.id(),
                "steward",
                "steward",
                DecisionOutcome.NARROWED,
                "电话不共享",
                java.util.Map.of("fields", "station_id", "periodFrom", "2026-11-26", "periodTo", "2026-12-15"),
                pending.version());
        ShareRequest decided = f.sharing.get(PROVIDER, viaEngine.id());
        assertThat(decided.status()).isEqualTo(ShareStatus.NARROWED);
        assertThat(decided.decidedBy()).isEqualTo("steward");
        ShareGrant grant = f.grants.get(REQUESTER, viaEngine.id());
        assertThat(grant.fields()).containsExactly("station_id");
        assertThat(grant.validUntil()).isEqualTo(java.time.LocalDate.parse("2026-12-15"));
        assertThat(grant.callsPerDay()).isEqualTo(ShareTerms.DEFAULT_PER_DAY);
        // The other one stays undecided past its due date: the engine's timer expires it.
        f.clock.advance(Duration.ofDays(6));
        assertThat(f.timers.fireDue()).isOne();
        assertThat(f.sharing.get(REQUESTER, late.id()).status()).isEqualTo(ShareStatus.EXPIRED);
        assertThat(approvals.list(Sharing.KIND, late.id()).get(0).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThatThrownBy(() -> f.sharing.decide(
                        PROVIDER, late.id(), new ShareDecision(ShareStatus.APPROVED, null, null, null, null)))
                .isInstanceOf(ShareProblems.ShareAlreadyDecided.class);
        assertThatThrownBy(() -> f.grants.issueKey(REQUESTER, late.id())).isInstanceOf(NotGranted.class);
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'catalog.share.expire'"))
                .isOne();
    }
}
