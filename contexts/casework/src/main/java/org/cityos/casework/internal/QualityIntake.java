package org.cityos.casework.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.casework.CaseCommands.DispatchCase;
import org.cityos.casework.CaseDispatch;
import org.cityos.casework.CaseIntake;
import org.cityos.casework.CaseStatus;
import org.cityos.casework.Channel;
import org.cityos.casework.DataQualityFailed;
import org.cityos.casework.IntakePolicies;
import org.cityos.casework.IntakePolicy;
import org.cityos.casework.IntakeResult;
import org.cityos.casework.NewCase;
import org.cityos.casework.RequestType;
import org.cityos.casework.UnitRef;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.event.EventMetadata;
import org.cityos.kernel.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data resource that failed its quality check becomes a case for the department that provides it, when an intake
 * policy of source {@value IntakePolicies#QUALITY} matches (by resource code, by department, or {@code *}). The case
 * goes straight to the provider — it is theirs to fix — unless a dispatch rule already sent it elsewhere.
 */
public final class QualityIntake {
    private static final Logger log = LoggerFactory.getLogger(QualityIntake.class);
    private static final Actor DESK = Actor.system("casework-quality-intake");

    private final IntakePolicies policies;
    private final CaseIntake intake;
    private final CaseDispatch dispatch;

    public QualityIntake(IntakePolicies policies, CaseIntake intake, CaseDispatch dispatch) {
        this.policies = policies;
        this.intake = intake;
        this.dispatch = dispatch;
    }

    public void accept(DataQualityFailed event, EventMetadata metadata) {
        IntakePolicy policy = policies.match(
                        IntakePolicies.QUALITY,
                        Map.of("resource", event.code(), "department", event.providerDepartment()))
                .orElse(null);
        if (policy == null) {
            return;
        }
        String title = "数据质量不达标：" + event.name();
        String content = String.format(
                Locale.ROOT,
                "资源 %s（%s）质量得分 %.2f，低于阈值 %.2f；未通过的规则：%s。请提供部门核查并整改数据。",
                event.name(),
                event.code(),
                event.score(),
                event.threshold(),
                event.failedRules() == null || event.failedRules().isEmpty()
                        ? "无"
                        : String.join("、", event.failedRules()));
        NewCase c = new NewCase(
                Channel.EVENT,
                "quality-" + event.runId(),
                RequestType.INCIDENT,
                title.length() <= 200 ? title : title.substring(0, 200),
                content.length() <= 4000 ? content : content.substring(0, 4000),
                policy.categoryCode(),
                policy.urgency(),
                null,
                null,
                null,
                null,
                event.code(),
                null);
        IntakeResult made = intake.receive(DESK, c);
        if (made.status() == CaseStatus.RECEIVED) { // also after a redelivery that found the case undispatched
            UnitRef provider = UnitRef.department(DepartmentCode.of(event.providerDepartment()));
            try {
                dispatch.dispatch(DESK, made.id(), null, new DispatchCase(provider, List.of(), "数据质量问题由资源提供部门整改"));
            } catch (DomainProblem e) {
                // The provider is no unit casework knows: the case waits at the centre for an operator to send it.
                log.warn("quality case {} not dispatched to {}: {}", made.number(), provider, e.getMessage());
            }
        }
    }
}
