package org.cityos.simulator.citizens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A patrol desk the test sets: it takes reports (one case per report id, as CityOS does), keeps the photos and
 * verdicts it was given, lists the cases the test put awaiting a check, and refuses or fails when told to.
 */
final class FakePatrolDesk implements PatrolDesk {
    /** One verdict as the desk received it. */
    record Verified(String user, OnSiteCheck check, Verdict verdict) {}

    /** One photo as the desk received it. */
    record Attached(String user, String caseId, SitePhoto photo) {}

    final List<GridReport> attempts = new ArrayList<>();
    final Map<String, String> caseByReport = new LinkedHashMap<>();
    final Map<String, GridReport> reportByCase = new HashMap<>();
    final List<Attached> photos = new ArrayList<>();
    final List<OnSiteCheck> awaiting = new ArrayList<>();
    final Map<String, OnSiteCheck> changedMeanwhile = new HashMap<>();
    final List<Verified> verified = new ArrayList<>();
    int listings;
    boolean down;
    boolean refuseReports;
    String refuseCheckOf;

    @Override
    public Filed report(String user, GridReport report) {
        attempts.add(report);
        if (down) {
            throw new UncheckedIOException(new IOException("Connection refused"));
        }
        if (refuseReports) {
            throw new CaseworkDesk.DeskRefused("grid report", 400, "{\"type\":\"invalid-input\"}");
        }
        boolean created = !caseByReport.containsKey(report.reportId());
        String caseId = caseByReport.computeIfAbsent(report.reportId(), id -> "case-" + (caseByReport.size() + 1));
        reportByCase.put(caseId, report);
        return new Filed(caseId, created);
    }

    @Override
    public void attachPhoto(String user, String caseId, SitePhoto photo) {
        photos.add(new Attached(user, caseId, photo));
    }

    @Override
    public List<OnSiteCheck> awaitingOnSiteCheck(String user, String grid) {
        listings++;
        return List.copyOf(awaiting);
    }

    @Override
    public Optional<OnSiteCheck> current(String user, String caseId) {
        if (changedMeanwhile.containsKey(caseId)) {
            return Optional.of(changedMeanwhile.get(caseId));
        }
        return awaiting.stream()
                .filter(c -> c.caseId().equals(caseId))
                .findFirst()
                .map(c -> new OnSiteCheck(c.caseId(), c.channel(), c.status(), c.grid(), c.point(), c.version() + 1));
    }

    @Override
    public void verifyOnSite(String user, OnSiteCheck check, Verdict verdict) {
        if (check.caseId().equals(refuseCheckOf)) {
            throw new CaseworkDesk.DeskRefused("verify", 409, "{\"type\":\"concurrent-change\"}");
        }
        verified.add(new Verified(user, check, verdict));
        awaiting.removeIf(c -> c.caseId().equals(check.caseId()));
    }

    List<String> verifiedCases() {
        return verified.stream().map(v -> v.check().caseId()).toList();
    }
}
