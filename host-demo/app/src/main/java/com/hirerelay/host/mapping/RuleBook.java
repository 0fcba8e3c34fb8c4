package com.hirerelay.host.mapping;

import com.hirerelay.api.hris.ValueSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One integration's mapping rules and the fields its admin wants filled before an automatic export.
 *
 * @param rules the rules, at most one per field, kind and matched value
 * @param requiredFields the draft field keys that must hold a value before a candidate is sent without a person
 *     looking at it
 */
public record RuleBook(List<MappingRule> rules, Set<String> requiredFields) {

    /** No rules, nothing required. */
    public static final RuleBook EMPTY = new RuleBook(List.of(), Set.of());

    public RuleBook {
        rules = List.copyOf(rules);
        requiredFields = Set.copyOf(requiredFields);
    }

    /** @return whether the book changes nothing */
    public boolean isEmpty() {
        return rules.isEmpty() && requiredFields.isEmpty();
    }

    /**
     * @return the rule that sets the field for a candidate of that job: the most specific kind that matches
     *     ({@link MatchOn} order)
     */
    public Optional<MappingRule> ruleFor(String fieldKey, JobFacts job) {
        return rules.stream()
                .filter(rule -> rule.fieldKey().equals(fieldKey) && rule.matches(job))
                .min(Comparator.comparing(MappingRule::matchOn));
    }

    /** @return whether the admin wants the field filled before an automatic export */
    public boolean requires(String fieldKey) {
        return requiredFields.contains(fieldKey);
    }

    /** @return where a value set by the rule came from, as the export dialog shows it */
    public static ValueSource sourceOf(MappingRule rule, JobFacts job) {
        return switch (rule.matchOn()) {
            case DEFAULT -> ValueSource.adminDefault("Default in mapping rules");
            case JOB -> ValueSource.mappingRule("Mapping rule: job is " + job.jobName());
            case DEPARTMENT -> ValueSource.mappingRule("Mapping rule: department is " + job.department());
            case LOCATION -> ValueSource.mappingRule("Mapping rule: location is " + job.location());
        };
    }
}
