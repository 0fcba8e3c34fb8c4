package com.hirerelay.host.export;

import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftSection;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.host.candidates.ExportSummary;
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
     * @param restoredFromAttempt the failed attempt whose edits were restored into the draft, or null
     */
    public record Draft(
            long candidateId,
            String connectorId,
            String connectorName,
            List<DraftField> fields,
            Map<String, DraftSection> sections,
            Map<String, List<SelectOption>> referenceData,
            ExportSummary existing,
            Long restoredFromAttempt) {}

    /**
     * The result of one export.
     *
     * @param warnings follow-up steps that failed after the employee was created, in JSON
     *                 {@code {"step","message"}}; empty when none
     */
    public record Outcome(
            ExportOutcome outcome, String employeeId, String link, List<ExportWarning> warnings, long attemptId) {

        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }
}
