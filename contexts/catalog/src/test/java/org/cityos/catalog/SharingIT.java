package org.cityos.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.cityos.catalog.LedgerVerification.LedgerPosition;
import org.cityos.catalog.LedgerVerification.Reason;
import org.cityos.catalog.ShareProblems.ResourceNotShareable;
import org.cityos.catalog.ShareProblems.ShareAlreadyDecided;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Sharing on request: ask, decide (approve, narrow, refuse), deadlines, scope, and decisions on the ledger. */
class SharingIT {
    static final Actor REQUESTER = CatalogFixture.OTHER_STEWARD; // transport
    static final Actor PROVIDER = CatalogFixture.STEWARD; // ecology
    CatalogFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CatalogFixture();
        f.create("2-01-001-0001", "空气质量监测数据");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static ShareDraft ask(List<String> fields) {
        return new ShareDraft("2-01-001-0001", "transport", "交通污染联合分析", fields, "2026-12-01", "2027-05-31");
    }

    @Test
    void aRequestIsNarrowedByTheProviderAuditedPublishedAndPutOnTheLedger() throws Exception {
        Actor[] as = {REQUESTER};
        MockMvc mvc = f.mvc(as);
        String id = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(post("/api/catalog/shares")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"resourceCode": "2-01-001-0001", "requestingDepartment": "transport",
                                         "purpose": "交通污染联合分析", "fields": ["station_id", "reporter_phone"],
                                         "periodFrom": "2026-12-01", "periodTo": "2027-05-31"}
                                        """))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("REQUESTED"))
                        .andExpect(jsonPath("$.providerDepartment").value("ecology"))
                        .andExpect(jsonPath("$.decisionDue").value("2026-12-01T08:00:00Z"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        as[0] = REQUESTER;
        mvc.perform(post("/api/catalog/shares/" + id + "/decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"APPROVED\"}"))
                .andExpect(status().isForbidden());
        as[0] = PROVIDER;
        mvc.perform(post("/api/catalog/shares/" + id + "/decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome": "NARROWED", "fields": ["station_id"], "periodTo": "2027-02-28",
                                 "reason": "上报人电话属个人信息，不予共享"}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NARROWED"))
                .andExpect(jsonPath("$.grantedFields", containsInAnyOrder("station_id")))
                .andExpect(jsonPath("$.grantedFrom").value("2026-12-01"))
                .andExpect(jsonPath("$.grantedTo").value("2027-02-28"))
                .andExpect(jsonPath("$.decidedBy").value("steward"));
        as[0] = REQUESTER;
        mvc.perform(get("/api/catalog/shares/" + id))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE target_id = ? AND action IN"
                                + " ('catalog.share.request', 'catalog.share.decide')",
                        id))
                .isEqualTo(2);
        assertThat(f.events.published()).anySatisfy(e -> assertThat(e).isInstanceOf(ShareDecided.class));
        f.chainAndSign();
        LedgerVerification intact = f.ledger.verify(CatalogFixture.AUDITOR);
        assertThat(intact.intact()).isTrue();
        assertThat(intact.entriesChecked()).isEqualTo(2);
        // A decision edited behind CityOS's back is located like an entry version.
        f.jdbc.sql("UPDATE catalog_share_request SET decision_content = replace(decision_content, 'NARROWED',"
                        + " 'APPROVED') WHERE id = ?")
                .param(id)
                .update();
        LedgerVerification tampered = f.ledger.verify(CatalogFixture.AUDITOR);
        assertThat(tampered.reason()).isEqualTo(Reason.CONTENT_ALTERED);
        assertThat(tampered.brokenAt()).isEqualTo(new LedgerPosition(2, "share-decision", id, 1));
    }

    @Test
    void badRequestsAreRefusedWithTheirFieldsNamed() {
        assertThatThrownBy(() -> f.sharing.request(REQUESTER, ask(List.of("station_id", "salary"))))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(org.cityos.kernel.problem.FieldIssue::field)
                                .containsExactly("fields[1]"));
        assertThatThrownBy(() -> f.sharing.request(
                        REQUESTER,
                        new ShareDraft(
                                "2-01-001-0001", "transport", " ", List.of("station_id"), "2027-01-01", "2026-01-01")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(org.cityos.kernel.problem.FieldIssue::field)
                                .containsExactly("purpose", "periodTo"));
        // Asking on behalf of a department one does not belong to.
        assertThatThrownBy(() -> f.sharing.request(
                        REQUESTER,
                        new ShareDraft(
                                "2-01-001-0001",
                                "civil-affairs",
                                "x",
                                List.of("station_id"),
                                "2026-12-01",
                                "2026-12-31")))
                .isInstanceOf(AccessDenied.class);
        f.catalog.retire(PROVIDER, "2-01-001-0001", 1, "停用");
        assertThatThrownBy(() -> f.sharing.request(REQUESTER, ask(List.of("station_id"))))
                .isInstanceOf(ResourceNotShareable.class);
        assertThat(f.count("SELECT count(*) FROM catalog_share_request")).isZero();
    }

    @Test
    void aDecisionIsFinalNarrowingMustNarrowRefusingNeedsAReasonAndLateRequestsShowOverdue() {
        ShareRequest r = f.sharing.request(REQUESTER, ask(List.of("station_id", "reporter_phone")));
        assertThatThrownBy(() -> f.sharing.decide(
                        PROVIDER,
                        r.id(),
                        new ShareDecision(
                                ShareStatus.NARROWED, List.of("station_id", "reporter_phone"), null, null, "同")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> f.sharing.decide(
                        PROVIDER,
                        r.id(),
                        new ShareDecision(ShareStatus.NARROWED, List.of("pm25"), null, "2028-01-01", "x")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(org.cityos.kernel.problem.FieldIssue::field)
                                .containsExactly("fields[0]", "periodTo"));
        assertThatThrownBy(() -> f.sharing.decide(
                        PROVIDER, r.id(), new ShareDecision(ShareStatus.REFUSED, null, null, null, " ")))
                .isInstanceOf(InvalidInput.class);
        f.clock.advance(Duration.ofDays(6));
        assertThat(f.sharing.get(REQUESTER, r.id()).overdue()).isTrue();
        ShareRequest refused =
                f.sharing.decide(PROVIDER, r.id(), new ShareDecision(ShareStatus.REFUSED, null, null, null, "涉及个人信息"));
        assertThat(refused.status()).isEqualTo(ShareStatus.REFUSED);
        assertThat(refused.grantedFields()).isEmpty();
        assertThat(refused.overdue()).isFalse();
        assertThatThrownBy(() -> f.sharing.decide(
                        PROVIDER, r.id(), new ShareDecision(ShareStatus.APPROVED, null, null, null, null)))
                .isInstanceOf(ShareAlreadyDecided.class);
        assertThatThrownBy(() -> f.sharing.get(
                        CatalogFixture.actor(
                                "civil",
                                java.util.Set.of(org.cityos.kernel.access.Role.DATA_STEWARD),
                                java.util.Set.of("civil-affairs")),
                        r.id()))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.sharing.list(REQUESTER, org.cityos.kernel.PageRequest.of(0, 10)))
                .extracting(ShareRequest::id)
                .containsExactly(r.id());
    }
}
