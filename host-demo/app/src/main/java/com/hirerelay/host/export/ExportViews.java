package com.hirerelay.host.export;

import com.hirerelay.api.Capability;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.DocumentKind;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftSection;
import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.host.candidates.ExportSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the export API answers (see API.md).
 */
public final class ExportViews {

    private ExportViews() {}

    /**
     * The editable draft of the export dialog.
     *
     * @param sections each field's section of the form, by field key (every field is named)
     * @param restoredFromAttempt the signed-in user's own failed attempt whose values were restored into the
     *     draft, or null; another user's attempt is never restored
     * @param restoredAt when that attempt was made, or null
     * @param atsValues what the ATS says for every field, for "Reset to ATS values"; null when nothing was
     *     restored
     * @param apiVersionWarning for admins, the connection's API-version warning (its end is near); null
     *     otherwise
     * @param capabilities what the connection does beyond the export; the dialog offers only these
     * @param documents the candidate's documents to choose from, when the connection takes documents; null
     *     otherwise
     */
    public record Draft(
            long candidateId,
            String connectorId,
            String connectorName,
            List<DraftField> fields,
            Map<String, DraftSection> sections,
            Map<String, List<SelectOption>> referenceData,
            ExportSummary existing,
            Long restoredFromAttempt,
            Instant restoredAt,
            Map<String, String> atsValues,
            String apiVersionWarning,
            List<Capability> capabilities,
            List<DocumentChoice> documents) {}

    /**
     * One of the candidate's documents in the export dialog.
     *
     * @param preselected ticked when the dialog opens: a CV or offer letter the employee does not have yet
     * @param sent its standing with the employee of the latest export ({@code PENDING}, {@code UPLOADED},
     *     {@code FAILED}), or null when never sent there
     * @param sentError why the last send failed, or null
     */
    public record DocumentChoice(
            long id,
            String fileName,
            DocumentKind kind,
            long sizeBytes,
            String uploadedBy,
            Instant uploadedAt,
            boolean preselected,
            DocumentUploadState sent,
            String sentError) {}

    /**
     * A possible match beside the candidate, for the dialog's side-by-side choice.
     *
     * @param candidate what the ATS has: label to value
     * @param match the employee found, or null when there is none
     */
    public record MatchView(List<Fact> candidate, Match match) {

        /** One labelled value. */
        public record Fact(String label, String value) {}

        /** The employee the HR system has. */
        public record Match(
                String employeeId, String fullName, String link, String confidence, String reason, List<Fact> facts) {}

        static MatchView of(Candidate candidate, EmployeeMatch found) {
            List<Fact> mine = new ArrayList<>();
            mine.add(new Fact("Name", candidate.fullName()));
            if (candidate.email() != null) {
                mine.add(new Fact("E-mail", candidate.email()));
            }
            mine.add(new Fact("Candidate id", candidate.id()));
            if (found == null) {
                return new MatchView(mine, null);
            }
            return new MatchView(
                    mine,
                    new Match(
                            found.employee().employeeId(),
                            found.employee().fullName(),
                            found.employee().link() == null
                                    ? null
                                    : found.employee().link().toString(),
                            found.confidence().name(),
                            found.reason(),
                            found.facts().stream()
                                    .map(fact -> new Fact(fact.label(), fact.value()))
                                    .toList()));
        }
    }

    /**
     * The result of one export.
     *
     * @param warnings follow-up steps that failed after the employee was created, in JSON
     *                 {@code {"step","message"}}; empty when none
     * @param documents what happened to each document sent with the export; empty when none was chosen
     */
    public record Outcome(
            ExportOutcome outcome,
            String employeeId,
            String link,
            List<ExportWarning> warnings,
            long attemptId,
            List<DocumentSteps.DocumentOutcome> documents) {

        public Outcome {
            warnings = List.copyOf(warnings);
            documents = List.copyOf(documents);
        }

        /** An outcome that sent no documents. */
        public Outcome(
                ExportOutcome outcome, String employeeId, String link, List<ExportWarning> warnings, long attemptId) {
            this(outcome, employeeId, link, warnings, attemptId, List.of());
        }

        Outcome withDocuments(List<DocumentSteps.DocumentOutcome> sent) {
            List<ExportWarning> all = new ArrayList<>(warnings);
            sent.stream()
                    .filter(document -> document.result() == DocumentSteps.Result.FAILED)
                    .forEach(document ->
                            all.add(new ExportWarning("Upload " + document.fileName(), document.message())));
            return new Outcome(outcome, employeeId, link, all, attemptId, sent);
        }
    }

    /** The documents sent on their own, after the export (a retry, or documents added later). */
    public record DocumentsSent(String employeeId, List<DocumentSteps.DocumentOutcome> documents) {}
}
