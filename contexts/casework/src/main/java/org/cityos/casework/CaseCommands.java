package org.cityos.casework;

import java.util.List;
import org.cityos.kernel.GeoPoint;

/** The commands on a case, as imperative records; each facade method takes one. */
public final class CaseCommands {
    private CaseCommands() {}

    public record DispatchCase(UnitRef unit, List<UnitRef> coUnits, String note) {}

    public record SignCase(String note) {}

    public record ReturnCase(String reason) {}

    public record PassCaseDown(UnitRef unit, String note) {}

    public record AddCoHandlers(List<UnitRef> units, String note) {}

    public record StartHandling(String note) {}

    public record ReplyToCase(String reply) {}

    /**
     * The verifier's finding: a follow-up call for hotline and public requests (solved? how satisfied?), an on-site
     * check with after-photos and GPS for grid and alarm cases.
     */
    public record VerifyCase(boolean passed, Boolean solved, Satisfaction satisfaction, GeoPoint point, String note) {}

    public record CloseCase(String note) {}

    public record ReopenCase(String reason) {}

    public record SuspendCase(String reason) {}

    public record ResumeCase(String note) {}

    public record SuperviseCase(String note) {}

    public record AnswerConsultation(String answer) {}

    public record CategoriseCase(String categoryCode, Urgency urgency, String note) {}

    public record MergeCase(CaseId into, String note) {}

    public record SplitCase(List<Part> parts, String note) {
        public record Part(String title, String content, String categoryCode) {}
    }

    public record RateCase(Boolean solved, Satisfaction satisfaction, String comment) {}

    public record RequestExtension(int workingDays, String reason) {}

    public record AppealCase(String reason) {}

    public record Decide(boolean approve, Integer workingDays, String note) {}
}
