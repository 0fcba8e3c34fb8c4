package com.hirerelay.factorial.identity;

import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.MatchConfidence;
import com.hirerelay.factorial.client.FactorialEmployee;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Classifies the employees Factorial returned for a draft:
 * <ul>
 *   <li><b>same person</b>: the employee holds the candidate's {@link AtsReference}, or has one of the
 *       draft's e-mail addresses <i>and</i> the same name;</li>
 *   <li><b>possible match</b>: only a weaker signal, the same e-mail with another name, or the same name
 *       with other e-mail addresses;</li>
 *   <li>nobody otherwise. A company's own employee number that happens to equal the candidate id is no
 *       signal at all: the plugin never writes a bare id.</li>
 * </ul>
 * Names compare without case, accents or extra spaces. Stateless and thread-safe.
 */
public final class MatchClassifier {

    private final Function<String, URI> linkFor;

    /**
     * @param linkFor the web link of an employee id
     */
    public MatchClassifier(Function<String, URI> linkFor) {
        this.linkFor = linkFor;
    }

    /**
     * @param firstName the draft's first name
     * @param lastName the draft's last name
     * @param emails the draft's e-mail addresses (login and personal, whichever are set)
     * @param byReference employees holding the candidate's reference
     * @param byEmail employees Factorial found by the e-mails
     * @param byName employees Factorial found by the name
     * @param reference the reference, for the reason text
     * @return the best match: same person before possible, by reference before e-mail before name
     */
    public Optional<EmployeeMatch> classify(
            String firstName,
            String lastName,
            Collection<String> emails,
            List<FactorialEmployee> byReference,
            List<FactorialEmployee> byEmail,
            List<FactorialEmployee> byName,
            AtsReference reference) {
        if (!byReference.isEmpty()) {
            FactorialEmployee employee = byReference.get(0);
            return Optional.of(match(
                    employee,
                    null,
                    MatchConfidence.SAME_PERSON,
                    "Factorial employee " + employee.fullName() + " holds this candidate's reference ("
                            + reference.value() + ")"));
        }
        String wanted = normalise(firstName + " " + lastName);
        EmployeeMatch possible = null;
        for (FactorialEmployee employee : byEmail) {
            Optional<String> matched = emails.stream()
                    .map(employee::emailMatching)
                    .flatMap(Optional::stream)
                    .findFirst();
            if (matched.isEmpty()) {
                continue;
            }
            if (sameName(employee, wanted)) {
                return Optional.of(match(
                        employee,
                        matched.get(),
                        MatchConfidence.SAME_PERSON,
                        "Same e-mail address (" + matched.get() + ") and the same name"));
            }
            if (possible == null) {
                possible = match(
                        employee,
                        matched.get(),
                        MatchConfidence.POSSIBLE_MATCH,
                        "Same e-mail address (" + matched.get() + "), but Factorial has the name "
                                + employee.fullName());
            }
        }
        if (possible != null) {
            return Optional.of(possible);
        }
        for (FactorialEmployee employee : byName) {
            if (sameName(employee, wanted)) {
                return Optional.of(match(
                        employee,
                        null,
                        MatchConfidence.POSSIBLE_MATCH,
                        "Same name, but Factorial has "
                                + (employee.emails().isEmpty()
                                        ? "no e-mail address for this employee"
                                        : "another e-mail address (" + String.join(", ", employee.emails()) + ")")));
            }
        }
        return Optional.empty();
    }

    private EmployeeMatch match(FactorialEmployee employee, String email, MatchConfidence confidence, String reason) {
        List<EmployeeMatch.Fact> facts = new ArrayList<>();
        facts.add(new EmployeeMatch.Fact("Name", employee.fullName()));
        if (!employee.emails().isEmpty()) {
            facts.add(new EmployeeMatch.Fact(
                    "E-mail",
                    String.join(", ", employee.emails().stream().distinct().toList())));
        }
        if (employee.companyIdentifier() != null) {
            facts.add(new EmployeeMatch.Fact("Employee number", employee.companyIdentifier()));
        }
        facts.add(new EmployeeMatch.Fact("Status", employee.active() ? "Active" : "Terminated"));
        facts.add(new EmployeeMatch.Fact("Factorial id", employee.id()));
        ExistingEmployee existing =
                new ExistingEmployee(employee.id(), employee.fullName(), email, linkFor.apply(employee.id()));
        return new EmployeeMatch(existing, confidence, reason, facts);
    }

    private static boolean sameName(FactorialEmployee employee, String wanted) {
        String parts = normalise((employee.firstName() == null ? "" : employee.firstName()) + " "
                + (employee.lastName() == null ? "" : employee.lastName()));
        return !wanted.isBlank() && (wanted.equals(parts) || wanted.equals(normalise(employee.fullName())));
    }

    /** Lower case, accents removed, runs of spaces and punctuation as one space. */
    static String normalise(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return decomposed
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
