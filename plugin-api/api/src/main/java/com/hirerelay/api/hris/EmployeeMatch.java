package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.util.List;

/**
 * An employee the HR system already has that may stand for the candidate of a draft, with how sure the
 * connector is and why. Returned by {@link HrisConnection#findMatch}; carried by
 * {@link PossibleMatchException} so a host can show the candidate and the employee side
 * by side.
 *
 * @param employee the employee found; not null
 * @param confidence how sure the connector is; not null
 * @param reason why, in words a recruiter understands, for example "Same name, but Factorial has another
 *               e-mail address (a.ruiz@acme.example)"; not blank
 * @param facts what the HR system holds about the employee that helps a person decide (e-mail, employee
 *              number, start date...), in display order; never null, may be empty; never a secret
 */
public record EmployeeMatch(ExistingEmployee employee, MatchConfidence confidence, String reason, List<Fact> facts) {

    /**
     * One labelled fact about the matched employee, such as "E-mail: a.ruiz@acme.example".
     *
     * @param label what the value is; not blank
     * @param value the value; not blank
     */
    public record Fact(String label, String value) {

        /**
         * @throws IllegalArgumentException if a component is blank
         */
        public Fact {
            Require.notBlank(label, "fact label");
            Require.notBlank(value, "fact value");
        }
    }

    /**
     * @throws IllegalArgumentException if the employee or confidence is missing or the reason blank
     */
    public EmployeeMatch {
        Require.notNull(employee, "employee");
        Require.notNull(confidence, "confidence");
        Require.notBlank(reason, "reason");
        facts = List.copyOf(Require.noNulls(facts == null ? List.of() : facts, "facts"));
    }

    /**
     * @param employee the employee
     * @param reason why it is certainly the candidate
     * @return a {@link MatchConfidence#SAME_PERSON} match without facts
     */
    public static EmployeeMatch samePerson(ExistingEmployee employee, String reason) {
        return new EmployeeMatch(employee, MatchConfidence.SAME_PERSON, reason, List.of());
    }

    /** @return whether an export may link this employee without asking anyone */
    public boolean isSamePerson() {
        return confidence == MatchConfidence.SAME_PERSON;
    }
}
