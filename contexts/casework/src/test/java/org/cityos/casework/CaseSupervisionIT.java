package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.casework.CaseBench.LEADER;
import static org.cityos.casework.CaseBench.OPERATOR;
import static org.cityos.casework.CaseBench.WEST;
import static org.cityos.casework.CaseBench.WORKER;
import static org.cityos.casework.CaseBench.unit;

import java.time.Duration;
import java.util.List;
import org.cityos.casework.CaseCommands.DispatchCase;
import org.cityos.casework.CaseCommands.MergeCase;
import org.cityos.casework.CaseCommands.PassCaseDown;
import org.cityos.casework.CaseCommands.ReplyToCase;
import org.cityos.casework.CaseCommands.ResumeCase;
import org.cityos.casework.CaseCommands.SignCase;
import org.cityos.casework.CaseCommands.SuperviseCase;
import org.cityos.casework.CaseCommands.SuspendCase;
import org.cityos.casework.CaseCommands.VerifyCase;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.NotFound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The centre's hand on running cases (supervision, suspension shifting the deadlines, merging), the on-site check
 * of grid cases with GPS and after-photos, and who sees which case.
 */
class CaseSupervisionIT {
    static CaseBench bench;
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @BeforeAll
    static void start() {
        bench = new CaseBench();
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @Test
    void supervisionTellsTheHoldingUnitAndIsCounted() {
        CaseId id = bench.dispatchedToWestTown("T-3001");
        bench.supervision.supervise(LEADER, id, null, new SuperviseCase("群众反映强烈，请加快办理"));
        Case c = bench.get(id);
        assertThat(c.supervisions()).isEqualTo(1);
        assertThat(bench.cases.notices(WEST, false, 10))
                .extracting(CaseNotice::kind)
                .contains(NoticeKind.SUPERVISED, NoticeKind.DISPATCHED);
        assertThatThrownBy(() -> bench.supervision.supervise(WEST, id, null, new SuperviseCase("自己督办自己")))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void aSuspensionPausesTheDeadlinesAndShiftsThemByThePause() {
        CaseId id = bench.dispatchedToWestTown("T-3002");
        Case before = bench.get(id);
        bench.supervision.suspend(OPERATOR, id, null, new SuspendCase("等待产权单位确认"));
        assertThat(bench.get(id).status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThatThrownBy(() -> bench.dispatch.sign(WEST, id, null, new SignCase(null)))
                .isInstanceOf(CaseNotInState.class);
        bench.pass(Duration.ofHours(30));
        bench.supervision.resume(OPERATOR, id, null, new ResumeCase("产权已确认"));
        Case after = bench.get(id);
        assertThat(after.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(after.deadlines().resolutionDue())
                .isEqualTo(before.deadlines().resolutionDue().plus(Duration.ofHours(30)));
        assertThat(after.deadlines().responseDue())
                .isEqualTo(before.deadlines().responseDue().plus(Duration.ofHours(30)));
    }

    @Test
    void aRepeatedRequestMergesIntoTheCaseThatAnswersIt() {
        CaseId main = bench.dispatchedToWestTown("T-3003");
        CaseId repeat = bench.dispatchedToWestTown("T-3004");
        bench.supervision.merge(OPERATOR, repeat, null, new MergeCase(main, "同一井盖的重复诉求"));
        Case merged = bench.get(repeat);
        assertThat(merged.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(merged.links().mergedInto()).isEqualTo(main.value());
        assertThat(merged.assignments()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AssignmentStatus.WITHDRAWN));
        assertThat(bench.actions(main)).last().isEqualTo("ABSORBED");
        assertThat(bench.cases.inbox(WEST, 100))
                .extracting(InboxItem::caseId)
                .contains(main)
                .doesNotContain(repeat);
        assertThatThrownBy(() -> bench.supervision.merge(OPERATOR, main, null, new MergeCase(repeat, null)))
                .isInstanceOf(CaseProblems.MergeRefused.class);
    }

    @Test
    void anOnSiteCheckPassesOnlyWithGpsNearTheCaseAndAnAfterPhoto() {
        GeoPoint spot = GeoPoint.of(116.13, 39.63);
        IntakeResult r = bench.intake.receive(
                WORKER,
                new NewCase(
                        Channel.GRID,
                        "G-31",
                        RequestType.INCIDENT,
                        "井盖缺失",
                        "人行道井盖缺失",
                        "0101",
                        Urgency.URGENT,
                        null,
                        spot,
                        null,
                        null,
                        null,
                        null));
        CaseId id = r.id();
        bench.dispatch.dispatch(
                OPERATOR, id, null, new DispatchCase(unit("town:" + CaseBench.WEST_TOWN), List.of(), null));
        bench.dispatch.sign(WEST, id, null, new SignCase(null));
        bench.dispatch.passDown(WEST, id, null, new PassCaseDown(unit("user:" + CaseBench.WORKER_ID), "请网格员处置"));
        bench.dispatch.sign(WORKER, id, null, new SignCase(null));
        bench.handling.reply(WORKER, id, null, new ReplyToCase("已补装井盖"));

        VerifyCase noGps = new VerifyCase(true, null, null, null, null);
        assertThatThrownBy(() -> bench.verification.verify(WORKER, id, null, noGps))
                .isInstanceOf(CaseProblems.OnSiteEvidenceMissing.class);
        VerifyCase farAway = new VerifyCase(true, null, null, GeoPoint.of(116.20, 39.63), null);
        assertThatThrownBy(() -> bench.verification.verify(WORKER, id, null, farAway))
                .isInstanceOf(CaseProblems.OnSiteEvidenceMissing.class);
        VerifyCase onSite = new VerifyCase(true, null, null, GeoPoint.of(116.1302, 39.6301), "现场核查通过");
        assertThatThrownBy(() -> bench.verification.verify(WORKER, id, null, onSite))
                .as("no after-photo yet")
                .isInstanceOf(CaseProblems.OnSiteEvidenceMissing.class);
        assertThatThrownBy(() -> bench.attachments.add(
                        WORKER, id, AttachmentStage.VERIFY, "a.exe", new byte[] {'M', 'Z', 0, 0}, spot))
                .isInstanceOf(CaseProblems.AttachmentRefused.class);
        assertThatThrownBy(() -> bench.attachments.add(
                        WORKER, id, AttachmentStage.VERIFY, "big.jpg", new byte[11 * 1024 * 1024], spot))
                .isInstanceOf(CaseProblems.AttachmentTooLarge.class);
        AttachmentInfo photo = bench.attachments.add(WORKER, id, AttachmentStage.VERIFY, "after.jpg", JPEG, spot);
        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        bench.verification.verify(WORKER, id, null, onSite);
        Case c = bench.get(id);
        assertThat(c.status()).isEqualTo(CaseStatus.VERIFIED);
        assertThat(c.attachments()).extracting(AttachmentInfo::fileName).containsExactly("after.jpg");
        assertThat(bench.attachments.get(WORKER, id, photo.id()).bytes()).isEqualTo(JPEG);
    }

    @Test
    void unitsSeeTheirCasesTownsTheirDivisionsAndNobodyElseAnything() {
        CaseId west = bench.dispatchedToWestTown("T-3010");
        assertThat(bench.cases.get(WEST, west).id()).isEqualTo(west);
        assertThat(bench.cases.get(CaseBench.COMMUNITY, west).id())
                .as("in the community's division")
                .isEqualTo(west);
        assertThatThrownBy(() -> bench.cases.get(CaseBench.EAST, west)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> bench.cases.get(CaseBench.URBAN, west))
                .as("a department sees only what it was given")
                .isInstanceOf(NotFound.class);
        assertThat(bench.cases
                        .search(CaseBench.EAST, CaseFilter.none(), PageRequest.of(0, 100))
                        .items())
                .extracting(Case::id)
                .doesNotContain(west);
        assertThat(bench.cases
                        .search(WEST, CaseFilter.none(), PageRequest.of(0, 100))
                        .items())
                .extracting(Case::id)
                .contains(west);
        assertThat(bench.cases
                        .search(CaseBench.URBAN, CaseFilter.none(), PageRequest.of(0, 100))
                        .items())
                .extracting(Case::id)
                .doesNotContain(west);
    }
}
