package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.casework.CaseBench.LEADER;
import static org.cityos.casework.CaseBench.OPERATOR;
import static org.cityos.casework.CaseBench.WEST;

import java.time.Duration;
import java.time.Instant;
import org.cityos.casework.CaseCommands.AppealCase;
import org.cityos.casework.CaseCommands.Decide;
import org.cityos.casework.CaseCommands.ReplyToCase;
import org.cityos.casework.CaseCommands.RequestExtension;
import org.cityos.casework.CaseCommands.SignCase;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.workflow.Approval;
import org.cityos.workflow.ApprovalStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Extension requests and appeals decided on the shared workflow engine: a narrowed extension moves the resolution
 * deadline by the granted working days, a second request waits for the first, an approved appeal takes the case
 * out of the unit's rates, and each decision is the decider's permission only.
 */
class CaseApprovalsIT {
    static CaseBench bench;

    @BeforeAll
    static void start() {
        bench = new CaseBench();
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @Test
    void anExtensionNarrowedToTwoWorkingDaysMovesTheDeadlineByTwoWorkingDays() {
        CaseId id = bench.dispatchedToWestTown("T-5001");
        bench.dispatch.sign(WEST, id, null, new SignCase(null));
        Instant due = bench.get(id).deadlines().resolutionDue();
        bench.approvals.requestExtension(WEST, id, null, new RequestExtension(5, "需协调产权单位，申请延期"));
        assertThatThrownBy(() -> bench.approvals.requestExtension(WEST, id, null, new RequestExtension(3, "再申请")))
                .isInstanceOf(CaseProblems.ApprovalPending.class);
        Approval pending =
                bench.approvals.pending(OPERATOR, CaseApprovals.EXTENSION).get(0);
        assertThat(pending.subject()).isEqualTo(id.value());
        assertThatThrownBy(() -> bench.approvals.decide(WEST, pending.id(), null, new Decide(true, 5, null)))
                .isInstanceOf(AccessDenied.class);

        Approval decided = bench.approvals.decide(OPERATOR, pending.id(), null, new Decide(true, 2, "同意延期2个工作日"));
        assertThat(decided.status()).isEqualTo(ApprovalStatus.NARROWED);
        Case c = bench.get(id);
        // Due on a Tuesday three weeks on; two working days later is the Thursday.
        assertThat(c.deadlines().resolutionDue()).isEqualTo(due.plus(Duration.ofDays(2)));
        assertThat(bench.actions(id)).endsWith("EXTENSION_REQUESTED", "EXTENSION_DECIDED");
        assertThat(bench.cases.notices(WEST, true, 20))
                .extracting(CaseNotice::kind)
                .contains(NoticeKind.EXTENSION_DECIDED);
    }

    @Test
    void anApprovedAppealTakesTheCaseOutOfTheRatesARefusedOneDoesNot() {
        CaseId kept = replied("T-5002");
        CaseId excluded = replied("T-5003");
        bench.approvals.appeal(WEST, excluded, null, new AppealCase("诉求人要求超出政策范围"));
        bench.approvals.appeal(WEST, kept, null, new AppealCase("诉求不合理"));
        for (Approval a : bench.approvals.pending(LEADER, CaseApprovals.APPEAL)) {
            boolean approve = a.subject().equals(excluded.value());
            assertThatThrownBy(() -> bench.approvals.decide(WEST, a.id(), null, new Decide(true, null, null)))
                    .as("a town does not decide appeals")
                    .isInstanceOf(AccessDenied.class);
            bench.approvals.decide(LEADER, a.id(), null, new Decide(approve, null, approve ? "申诉成立" : "申诉不成立"));
        }
        assertThat(bench.get(excluded).excludedFromRates()).isTrue();
        assertThat(bench.get(kept).excludedFromRates()).isFalse();
        assertThat(bench.actions(excluded)).endsWith("APPEALED", "APPEAL_DECIDED");
    }

    private static CaseId replied(String ticket) {
        CaseId id = bench.dispatchedToWestTown(ticket);
        bench.dispatch.sign(WEST, id, null, new SignCase(null));
        bench.handling.reply(WEST, id, null, new ReplyToCase("已答复"));
        return id;
    }
}
