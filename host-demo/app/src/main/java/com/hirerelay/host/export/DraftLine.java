package com.hirerelay.host.export;

import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ReferenceData;
import java.util.List;

/**
 * One filled field of an exported draft as the person saw it, kept with the attempt so that the history
 * reads as it did at export time even after the connector renames a field or the HR system a team.
 *
 * @param key the draft field's key
 * @param label the field's label then, such as "Team"
 * @param type the field's type, so the browser can show dates and countries in the reader's language
 * @param value the value sent, such as a team id
 * @param shown what the value meant then, such as the team's name; the value itself when it names nothing
 */
public record DraftLine(String key, String label, DraftFieldType type, String value, String shown) {

    /**
     * @param reference the HR system's lists at export time, or null when they could not be read (ids then
     *                  stay ids)
     * @return the draft's filled fields in form order
     */
    static List<DraftLine> of(EmployeeDraft draft, ReferenceData reference) {
        return draft.fields().stream()
                .filter(DraftField::hasValue)
                .map(field ->
                        new DraftLine(field.key(), field.label(), field.type(), field.value(), shown(field, reference)))
                .toList();
    }

    private static String shown(DraftField field, ReferenceData reference) {
        List<SelectOption> choices = field.options();
        if (choices.isEmpty() && field.referenceList() != null && reference != null) {
            choices = reference.options(field.referenceList());
        }
        return choices.stream()
                .filter(choice -> choice.value().equals(field.value()))
                .map(SelectOption::label)
                .findFirst()
                .orElse(field.value());
    }
}
