package com.hirerelay.host.mapping;

import com.hirerelay.api.SelectOption;
import java.util.List;

/** The JSON of the mapping rules editor (host-demo/API.md, "Mapping rules"). */
public final class MappingViews {

    private MappingViews() {}

    /**
     * The editor: the connector's draft fields, the stored rules, and what rules can match.
     *
     * @param departments the distinct departments of the ATS's jobs, by name
     * @param locations the distinct locations of the ATS's jobs, by name
     */
    public record Editor(
            String connectorId,
            List<Field> fields,
            List<Rule> rules,
            List<JobOption> jobs,
            List<String> departments,
            List<String> locations) {}

    /**
     * A draft field of the connector.
     *
     * @param required whether the connector itself requires a value
     * @param requireValue whether the admin wants it filled before an automatic or bulk export
     * @param mappable whether rules can set it (a select field with choices)
     * @param options the live choices, for a mappable field
     */
    public record Field(
            String key,
            String label,
            String type,
            boolean required,
            boolean requireValue,
            boolean mappable,
            List<SelectOption> options) {}

    /**
     * A stored rule, by names.
     *
     * @param matchLabel what it matches in words (the job's name for a job rule)
     * @param valueLabel the option's label now, or as saved when the HR system no longer offers it
     * @param offered whether the HR system still offers the value; a rule that is not offered sets nothing
     */
    public record Rule(
            String field,
            MatchOn matchOn,
            String matchValue,
            String matchLabel,
            String value,
            String valueLabel,
            boolean offered) {}

    /** A job rules can match. */
    public record JobOption(long id, String name, String department, String location) {}

    /** The editor's submitted rules and required fields (replace all). */
    public record Save(List<RuleInput> rules, List<String> requiredFields) {}

    /** One submitted rule; {@code value} is one of the field's option values. */
    public record RuleInput(String field, String matchOn, String matchValue, String value) {}

    /**
     * What the hired candidates would get under the rules.
     *
     * @param summary one sentence for the whole
     */
    public record Preview(long hiredCandidates, long needReview, String summary, List<PreviewGroup> groups) {}

    /**
     * The hired candidates of one job.
     *
     * @param sentence such as "12 hired candidates would get: Team Sales, Location Madrid Office"
     * @param missing labels of fields that must be filled and that no rule or default fills
     */
    public record PreviewGroup(
            long count, JobOption job, List<PreviewValue> values, List<String> missing, String sentence) {}

    /** A value a rule gives, with where it came from. */
    public record PreviewValue(String field, String label, String value, String valueLabel, String source) {}
}
