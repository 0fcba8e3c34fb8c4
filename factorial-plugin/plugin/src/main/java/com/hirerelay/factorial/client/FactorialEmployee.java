package com.hirerelay.factorial.client;

import java.util.List;
import java.util.Optional;

/**
 * The parts of a Factorial employee the plugin reads.
 *
 * @param id the employee id; not null
 * @param fullName the name as Factorial shows it; not blank
 * @param firstName the first name, or null when Factorial did not send it
 * @param lastName the last name, or null when Factorial did not send it
 * @param emails every e-mail field Factorial returned ({@code email}, {@code login_email},
 *               {@code personal_email}), non-blank ones only
 * @param companyIdentifier the company's own employee number, or null
 * @param active whether Factorial lists the employee as active (true when it did not say)
 */
public record FactorialEmployee(
        String id,
        String fullName,
        String firstName,
        String lastName,
        List<String> emails,
        String companyIdentifier,
        boolean active) {

    /**
     * @throws NullPointerException if the e-mails are null
     */
    public FactorialEmployee {
        emails = List.copyOf(emails);
    }

    /**
     * @param email an address
     * @return the e-mail field equal to it ignoring case, if any
     */
    public Optional<String> emailMatching(String email) {
        return emails.stream()
                .filter(candidate -> candidate.equalsIgnoreCase(email.strip()))
                .findFirst();
    }
}
