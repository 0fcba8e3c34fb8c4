package com.hirerelay.host.candidates;

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

/**
 * A candidate row as the database holds it. Dates and money stay text until they are handed to a
 * plugin, so that a bad stored value is reported instead of crashing a list.
 */
public record StoredCandidate(
        long id,
        String firstName,
        String lastName,
        String email,
        String phone,
        CandidateStatus status,
        Long jobId,
        String jobName,
        Long stageId,
        String stageName,
        String hiredOn,
        String offerJobTitle,
        String offerStartDate,
        String salaryAmount,
        String salaryCurrency,
        String salaryPeriod,
        String birthday,
        String nationality,
        String addressLine1,
        String addressLine2,
        String postalCode,
        String city,
        String state,
        String country,
        Map<String, String> customFields) {

    public StoredCandidate {
        customFields = Map.copyOf(customFields);
    }

    /**
     * @return the candidate as plugins see it; values that cannot be read (a malformed stored date or
     *         amount) are left out rather than failing the export
     */
    public Candidate toApiCandidate() {
        return new Candidate(
                Long.toString(id),
                firstName,
                lastName,
                blankToNull(email),
                blankToNull(phone),
                status,
                jobId == null ? null : jobId.toString(),
                jobName,
                stageName,
                date(hiredOn),
                new Offer(blankToNull(offerJobTitle), date(offerStartDate), salary()),
                date(birthday),
                blankToNull(nationality),
                new PostalAddress(
                        blankToNull(addressLine1),
                        blankToNull(addressLine2),
                        blankToNull(postalCode),
                        blankToNull(city),
                        blankToNull(state),
                        blankToNull(country)),
                customFields);
    }

    private Salary salary() {
        try {
            if (salaryAmount == null || salaryCurrency == null || salaryPeriod == null) {
                return null;
            }
            BigDecimal amount = new BigDecimal(salaryAmount);
            return amount.signum() > 0
                    ? new Salary(amount, Currency.getInstance(salaryCurrency), PayPeriod.valueOf(salaryPeriod))
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
