package com.hirerelay.factorial.testing;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.CandidateStatus;
import com.hirerelay.api.candidate.Offer;
import com.hirerelay.api.candidate.PayPeriod;
import com.hirerelay.api.candidate.PostalAddress;
import com.hirerelay.api.candidate.Salary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

/** Hired candidates for tests. */
public final class Candidates {

    private Candidates() {}

    /** Marta, hired with a full offer and address. */
    public static Candidate marta() {
        return new Candidate(
                "ats-4711",
                "Marta",
                "Garcia",
                "marta@example.com",
                "+34600000000",
                CandidateStatus.HIRED,
                "job-1",
                "Backend Engineer (Barcelona)",
                "Hired",
                LocalDate.of(2026, 8, 20),
                new Offer(
                        "Backend Engineer",
                        LocalDate.of(2026, 9, 1),
                        new Salary(new BigDecimal("45000.00"), Currency.getInstance("EUR"), PayPeriod.YEARLY)),
                LocalDate.of(1995, 2, 14),
                "es",
                new PostalAddress("Calle Mayor 1", null, "08001", "Barcelona", null, "ES"),
                Map.of());
    }

    /** A hired candidate with nothing but a name of its own (no seed employee has it) and an e-mail. */
    public static Candidate minimal(String id, String email) {
        return named(id, "Noa", "Minimal " + id.replaceAll("[^A-Za-z0-9]", ""), email);
    }

    /** A hired candidate with nothing but this name and e-mail. */
    public static Candidate named(String id, String firstName, String lastName, String email) {
        return new Candidate(
                id,
                firstName,
                lastName,
                email,
                null,
                CandidateStatus.HIRED,
                null,
                null,
                null,
                null,
                Offer.NONE,
                null,
                null,
                PostalAddress.NONE,
                Map.of());
    }
}
