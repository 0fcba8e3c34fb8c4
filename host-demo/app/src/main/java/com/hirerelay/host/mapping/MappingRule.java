package com.hirerelay.host.mapping;

import java.util.Locale;

/**
 * "When the job's {@code matchOn} is {@code matchValue}, set {@code fieldKey} to {@code value}".
 *
 * @param fieldKey the connector's draft field key, such as {@code team_id}
 * @param matchOn what the rule looks at
 * @param matchValue the job id, department or location it matches; empty for {@link MatchOn#DEFAULT}
 * @param value the option's value the field gets (the connector's id, never typed by a person)
 * @param valueLabel the option's label when the rule was saved, shown if the option disappears
 */
public record MappingRule(String fieldKey, MatchOn matchOn, String matchValue, String value, String valueLabel) {

    public MappingRule {
        matchValue = matchOn == MatchOn.DEFAULT || matchValue == null ? "" : matchValue.strip();
    }

    /** @return whether the rule applies to a candidate of that job */
    public boolean matches(JobFacts job) {
        return switch (matchOn) {
            case DEFAULT -> true;
            case JOB -> job.jobId() != null && matchValue.equals(String.valueOf(job.jobId()));
            case DEPARTMENT -> same(matchValue, job.department());
            case LOCATION -> same(matchValue, job.location());
        };
    }

    private static boolean same(String expected, String actual) {
        return actual != null
                && expected.toLowerCase(Locale.ROOT).equals(actual.strip().toLowerCase(Locale.ROOT));
    }
}
