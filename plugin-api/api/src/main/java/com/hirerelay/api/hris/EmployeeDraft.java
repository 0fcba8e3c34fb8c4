package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The employee a connector is about to create, as an ordered list of editable fields. Connectors build
 * it from a candidate ({@link HrisConnection#draftFor}); the host shows it, applies the user's edits
 * with {@link #withValues} and hands it back to {@link HrisConnection#export}.
 *
 * @param candidateId the host's id of the candidate this draft was built from; not blank
 * @param fields the inputs in display order, with unique keys; not empty
 * @param sections the form section of each field, by field key; fields not named here are shown under
 *                 {@link DraftSection#PERSON}; never null (since API 1.2)
 */
public record EmployeeDraft(String candidateId, List<DraftField> fields, Map<String, DraftSection> sections) {

    /**
     * @throws IllegalArgumentException if the candidate id is blank, there are no fields, two share a key,
     *                                  or a section names a key that is not a field
     */
    public EmployeeDraft {
        Require.notBlank(candidateId, "candidate id");
        fields = List.copyOf(Require.noNulls(fields, "fields"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a draft needs at least one field");
        }
        Set<String> keys = new HashSet<>();
        for (DraftField field : fields) {
            if (!keys.add(field.key())) {
                throw new IllegalArgumentException("duplicate draft field key '" + field.key() + "'");
            }
        }
        Require.notNull(sections, "sections");
        for (Map.Entry<String, DraftSection> section : sections.entrySet()) {
            if (!keys.contains(section.getKey())) {
                throw new IllegalArgumentException(
                        "section given for '" + section.getKey() + "', which is not a field");
            }
            Require.notNull(section.getValue(), "section of '" + section.getKey() + "'");
        }
        sections = Map.copyOf(sections);
    }

    /**
     * A draft without sections: every field is shown under {@link DraftSection#PERSON} (the API 1.0 form).
     *
     * @param candidateId the host's id of the candidate; not blank
     * @param fields the inputs in display order, with unique keys; not empty
     */
    public EmployeeDraft(String candidateId, List<DraftField> fields) {
        this(candidateId, fields, Map.of());
    }

    /**
     * @param key a field key
     * @return the section the field is shown in ({@link DraftSection#PERSON} when the connector gave none)
     */
    public DraftSection sectionOf(String key) {
        return sections.getOrDefault(key, DraftSection.PERSON);
    }

    /**
     * @param key a field key
     * @return the field with that key
     */
    public Optional<DraftField> field(String key) {
        return fields.stream().filter(field -> field.key().equals(key)).findFirst();
    }

    /**
     * @param key a field key
     * @return the field's value, stripped of surrounding white space, when present and not blank
     */
    public Optional<String> value(String key) {
        return field(key)
                .filter(DraftField::hasValue)
                .map(field -> field.value().strip());
    }

    /**
     * @return every field's value by key, in field order; empty fields are absent
     */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (DraftField field : fields) {
            if (field.hasValue()) {
                values.put(field.key(), field.value());
            }
        }
        return values;
    }

    /**
     * Applies a user's edits. Keys that are not mentioned keep their value; a null or blank value
     * empties the field.
     *
     * @param edits field key to new value
     * @return a new draft with the edits applied
     * @throws IllegalArgumentException if an edit names a key this draft does not have
     */
    public EmployeeDraft withValues(Map<String, String> edits) {
        Require.notNull(edits, "edits");
        for (String key : edits.keySet()) {
            if (field(key).isEmpty()) {
                throw new IllegalArgumentException("the draft has no field '" + key + "'");
            }
        }
        List<DraftField> edited = fields.stream()
                .map(field -> edits.containsKey(field.key()) ? field.withValue(edits.get(field.key())) : field)
                .toList();
        return new EmployeeDraft(candidateId, edited, sections);
    }
}
