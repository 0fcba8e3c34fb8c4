package com.hirerelay.api.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateTest {

    static Candidate hired(String email) {
        return new Candidate(
                "42",
                "Marta",
                "García",
                email,
                null,
                CandidateStatus.HIRED,
                "7",
                "Backend Engineer",
                "Hired",
                LocalDate.of(2026, 8, 20),
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void refusesABlankNameWithAMessageNamingTheField() {
        assertThatThrownBy(() -> new Candidate(
                        "42",
                        " ",
                        "García",
                        null,
                        null,
                        CandidateStatus.HIRED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first name must not be blank");
    }

    @Test
    void refusesAMalformedEmailAndQuotesIt() {
        assertThatThrownBy(() -> hired("marta.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'marta.example.com' is not a well-formed e-mail address");
    }

    @Test
    void acceptsAMissingEmailAndFillsEmptyParts() {
        Candidate candidate = hired(null);
        assertThat(candidate.offer()).isEqualTo(Offer.NONE);
        assertThat(candidate.address()).isEqualTo(PostalAddress.NONE);
        assertThat(candidate.customFields()).isEmpty();
        assertThat(candidate.isHired()).isTrue();
        assertThat(candidate.fullName()).isEqualTo("Marta García");
    }

    @Test
    void copiesCustomFieldsSoLaterChangesDoNotLeakIn() {
        Map<String, String> fields = new HashMap<>(Map.of("Source", "LinkedIn"));
        Candidate candidate = new Candidate(
                "42",
                "Marta",
                "García",
                null,
                null,
                CandidateStatus.ACTIVE,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                fields);
        fields.put("Source", "Referral");
        assertThat(candidate.customFields()).containsEntry("Source", "LinkedIn");
    }

    @Test
    void salaryConvertsToMinorUnitsOfItsCurrency() {
        Salary euros = new Salary(new BigDecimal("45000.505"), Currency.getInstance("EUR"), PayPeriod.YEARLY);
        Salary yen = new Salary(new BigDecimal("5000000"), Currency.getInstance("JPY"), PayPeriod.YEARLY);
        assertThat(euros.amountInMinorUnits()).isEqualTo(4_500_051L);
        assertThat(yen.amountInMinorUnits()).as("JPY has no minor unit").isEqualTo(5_000_000L);
    }

    @Test
    void salaryMustBePositive() {
        assertThatThrownBy(() -> new Salary(BigDecimal.ZERO, Currency.getInstance("EUR"), PayPeriod.MONTHLY))
                .hasMessageContaining("must be positive");
    }
}
