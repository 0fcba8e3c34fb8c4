package com.hirerelay.host.candidates;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.PostalAddress;
import com.hirerelay.api.candidate.Salary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The facts about a candidate that an export sends and that can change afterwards in the ATS: start date, job
 * title, salary and personal data, by the label people read. Recorded when a candidate is sent to an HR system
 * and compared later, so that a change made since is noticed ("Changed since export") whatever connector sent it.
 */
public final class CandidateFacts {

    private CandidateFacts() {}

    /**
     * @param candidate the candidate as the ATS has it now
     * @return label to value, in a fixed order; a fact the ATS does not know is absent
     */
    public static Map<String, String> of(Candidate candidate) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "Start date", candidate.offer().startDate());
        put(facts, "Job title", candidate.offer().jobTitle());
        put(facts, "Salary", salary(candidate.offer().salary()));
        put(facts, "First name", candidate.firstName());
        put(facts, "Last name", candidate.lastName());
        put(facts, "E-mail", candidate.email());
        put(facts, "Phone", candidate.phone());
        put(facts, "Birthday", candidate.birthday());
        put(facts, "Nationality", candidate.nationality());
        put(facts, "Address", address(candidate.address()));
        return facts;
    }

    /**
     * @param sent the facts recorded when the candidate was last sent
     * @param now the facts now
     * @return the labels whose value differs, in the order of {@link #of}
     */
    public static java.util.List<String> changed(Map<String, String> sent, Map<String, String> now) {
        return Stream.of(
                        "Start date",
                        "Job title",
                        "Salary",
                        "First name",
                        "Last name",
                        "E-mail",
                        "Phone",
                        "Birthday",
                        "Nationality",
                        "Address")
                .filter(label -> !Objects.equals(sent.get(label), now.get(label)))
                .toList();
    }

    private static void put(Map<String, String> facts, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            facts.put(label, value.toString().strip());
        }
    }

    private static String salary(Salary salary) {
        return salary == null
                ? null
                : salary.amount().stripTrailingZeros().toPlainString() + " "
                        + salary.currency().getCurrencyCode() + " "
                        + salary.period().name();
    }

    private static String address(PostalAddress address) {
        return Stream.of(
                        address.line1(),
                        address.line2(),
                        address.postalCode(),
                        address.city(),
                        address.state(),
                        address.country())
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(", "));
    }
}
