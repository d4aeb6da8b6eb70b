package org.cityos.casework;

import java.time.Clock;
import org.cityos.alerting.AlarmRaised;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.AlarmIntake;
import org.cityos.casework.internal.CaseStore;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.internal.CaseworkSeed;
import org.cityos.casework.internal.DeadlineFiring;
import org.cityos.casework.internal.DeadlineTimers;
import org.cityos.casework.internal.Locator;
import org.cityos.casework.internal.Notices;
import org.cityos.casework.internal.QualityIntake;
import org.cityos.casework.internal.UnitDirectory;
import org.cityos.casework.persistence.AssignmentRepository;
import org.cityos.casework.persistence.AttachmentRepository;
import org.cityos.casework.persistence.CaseFigureRepository;
import org.cityos.casework.persistence.CaseRepository;
import org.cityos.casework.persistence.DispatchRuleRepository;
import org.cityos.casework.persistence.InboxRepository;
import org.cityos.casework.persistence.IntakePolicyRepository;
import org.cityos.casework.persistence.NoticeRepository;
import org.cityos.casework.persistence.StepRepository;
import org.cityos.identity.Departments;
import org.cityos.identity.Users;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.event.EventBus;
import org.cityos.spatial.Division;
import org.cityos.spatial.Divisions;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.SpatialProperties;
import org.cityos.workflow.ApprovalHandler;
import org.cityos.workflow.Approvals;
import org.cityos.workflow.Timers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Assembles casework: the case store and command runner, the facades of each stage, deadlines on shared timers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseworkProperties.class)
public class CaseworkConfiguration {

    @Bean
    UnitDirectory caseUnitDirectory(Departments departments, Divisions divisions, SpatialProperties spatial) {
        return new UnitDirectory(departments::exists, divisions::exists, DivisionCode.of(spatial.districtCode()));
    }

    @Bean
    HandlerChoices caseHandlerChoices(ObjectProvider<Users> users, SpatialProperties spatial) {
        return new HandlerChoices(
                () -> HandlerChoices.everyone(users.getIfAvailable()), DivisionCode.of(spatial.districtCode()));
    }

    @Bean
    Notices caseNotices(NoticeRepository repository, ObjectProvider<CaseNoticeChannel> channels) {
        return new Notices(repository, channels.orderedStream().toList());
    }

    @Bean
    CaseStore caseStore(
            CaseRepository cases,
            AssignmentRepository assignments,
            StepRepository steps,
            AuditTrail audit,
            EventBus events) {
        return new CaseStore(cases, assignments, steps, audit, events);
    }

    @Bean
    DeadlineTimers caseDeadlineTimers(Timers timers) {
        return new DeadlineTimers(timers);
    }

    @Bean
    CaseWork caseWork(
            CaseRepository cases,
            AssignmentRepository assignments,
            CaseStore store,
            DeadlineTimers deadlines,
            TransactionTemplate transactions,
            Clock clock,
            SpatialProperties spatial) {
        return new CaseWork(
                cases, assignments, store, deadlines, transactions, clock, DivisionCode.of(spatial.districtCode()));
    }

    @Bean
    DeadlineFiring caseDeadlineFiring(CaseWork work, Notices notices) {
        return new DeadlineFiring(work, notices);
    }

    @Bean
    Locator caseLocator(Geocoder geocoder, CaseworkProperties properties) {
        return new Locator(geocoder, properties.geocodeConfidence());
    }

    @Bean
    DispatchRules dispatchRules(DispatchRuleRepository repository, UnitDirectory directory, AuditTrail audit) {
        return new DispatchRules(repository, directory, audit);
    }

    @Bean
    CaseDispatch caseDispatch(CaseWork work, UnitDirectory directory, DeadlinePolicies policies, Notices notices) {
        return new CaseDispatch(work, directory, policies, notices);
    }

    @Bean
    CaseIntake caseIntake(
            CaseWork work,
            CaseRepository cases,
            Locator locator,
            Categories categories,
            DispatchRules rules,
            CaseDispatch dispatch,
            TransactionTemplate transactions,
            CaseworkProperties properties) {
        return new CaseIntake(
                work,
                cases,
                locator,
                categories,
                rules,
                dispatch,
                transactions,
                properties.duplicateMetres(),
                properties.duplicateWithin());
    }

    @Bean
    IntakePolicies intakePolicies(IntakePolicyRepository repository, Categories categories, AuditTrail audit) {
        return new IntakePolicies(repository, categories, audit);
    }

    @Bean
    QualityIntake caseQualityIntake(
            IntakePolicies policies, CaseIntake intake, CaseDispatch dispatch, EventBus events) {
        QualityIntake quality = new QualityIntake(policies, intake, dispatch);
        events.subscribe("casework.quality-intake", DataQualityFailed.class, quality::accept);
        return quality;
    }

    @Bean
    AlarmIntake caseAlarmIntake(IntakePolicies policies, CaseIntake intake, EventBus events) {
        AlarmIntake alarms = new AlarmIntake(policies, intake);
        events.subscribe("casework.alarm-intake", AlarmRaised.class, alarms::accept);
        return alarms;
    }

    @Bean
    CaseHandling caseHandling(CaseWork work, Notices notices) {
        return new CaseHandling(work, notices);
    }

    @Bean
    CaseVerification caseVerification(
            CaseWork work,
            CaseRepository cases,
            Notices notices,
            AttachmentRepository attachments,
            DeadlinePolicies policies,
            CaseworkProperties properties) {
        return new CaseVerification(work, cases, notices, attachments, policies, properties.onSiteMetres());
    }

    @Bean
    CaseSupervision caseSupervision(CaseWork work, Notices notices, DeadlinePolicies policies) {
        return new CaseSupervision(work, notices, policies);
    }

    @Bean
    CaseworkSeed caseworkSeed(
            DispatchRuleRepository rules,
            IntakePolicyRepository policies,
            UnitDirectory units,
            Categories categories,
            Divisions divisions,
            SpatialProperties spatial,
            CaseworkProperties properties) {
        // Towns are read when the runner runs, after spatial has seeded the division tree.
        return new CaseworkSeed(
                rules,
                policies,
                units,
                categories::usable,
                () -> divisions.children(DivisionCode.of(spatial.districtCode())).stream()
                        .map(Division::code)
                        .toList(),
                properties.seed());
    }

    @Bean
    CaseApprovals caseApprovals(CaseWork work, Approvals approvals, WorkingCalendar calendar, Notices notices) {
        return new CaseApprovals(work, approvals, calendar, notices);
    }

    @Bean
    ApprovalHandler caseExtensionOutcome(CaseApprovals approvals) {
        return approvals.extensions();
    }

    @Bean
    ApprovalHandler caseAppealOutcome(CaseApprovals approvals) {
        return approvals.appeals();
    }

    @Bean
    CaseAttachments caseAttachments(CaseWork work, AttachmentRepository repository, CaseworkProperties properties) {
        return new CaseAttachments(work, repository, properties.maxAttachment().toBytes());
    }

    @Bean
    Cases cases(
            CaseWork work,
            CaseRepository cases,
            StepRepository steps,
            AttachmentRepository attachments,
            InboxRepository inbox,
            NoticeRepository notices,
            AuditTrail audit) {
        return new Cases(work, cases, steps, attachments, inbox, notices, audit);
    }

    @Bean
    CaseFigures caseFigures(CaseWork work, CaseFigureRepository figures) {
        return new CaseFigures(work, figures);
    }
}
