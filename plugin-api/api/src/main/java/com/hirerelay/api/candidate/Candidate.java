package com.hirerelay.api.candidate;

import com.hirerelay.api.EmailAddress;
import com.hirerelay.api.internal.Require;
import java.time.LocalDate;
import java.util.Map;

/**
 * A candidate as the host knows it, read-only. Connectors map it to an
 * {@link com.hirerelay.api.hris.EmployeeDraft}.
 *
 * @param id the host's stable id of the candidate; connectors may write it into the HR system as an
 *           external reference; not blank
 * @param firstName given name; not blank
 * @param lastName family name; not blank
 * @param email e-mail address, well-formed ({@link EmailAddress#isWellFormed}), or null if unknown
 * @param phone phone number as entered, or null
 * @param status the overall status
 * @param jobId the host's id of the job applied to, or null
 * @param jobName the job's name as posted, or null
 * @param stage the name of the pipeline stage the candidate is in, or null
 * @param hiredOn the day the candidate was marked hired, or null
 * @param offer the accepted offer; {@link Offer#NONE} when there is none
 * @param birthday date of birth, or null
 * @param nationality ISO 3166-1 alpha-2 code, or null
 * @param address postal address; {@link PostalAddress#NONE} when unknown
 * @param customFields the account's own candidate fields by label; never null, possibly empty
 */
public record Candidate(
        String id,
        String firstName,
        String lastName,
        String email,
        String phone,
        CandidateStatus status,
        String jobId,
        String jobName,
        String stage,
        LocalDate hiredOn,
        Offer offer,
        LocalDate birthday,
        String nationality,
        PostalAddress address,
        Map<String, String> customFields) {

    /**
     * @throws IllegalArgumentException if the id or a name is blank, the e-mail is malformed, or the
     *                                  status is missing
     */
    public Candidate {
        Require.notBlank(id, "candidate id");
        Require.notBlank(firstName, "first name");
        Require.notBlank(lastName, "last name");
        if (email != null && !EmailAddress.isWellFormed(email)) {
            throw new IllegalArgumentException("email '" + email + "' is not a well-formed e-mail address");
        }
        Require.notNull(status, "status");
        offer = offer == null ? Offer.NONE : offer;
        address = address == null ? PostalAddress.NONE : address;
        customFields = Map.copyOf(Require.noNulls(customFields == null ? Map.of() : customFields, "custom fields"));
    }

    /**
     * @return first and last name joined by a space
     */
    public String fullName() {
        return firstName + " " + lastName;
    }

    /**
     * @return whether the candidate is hired, the condition for any export
     */
    public boolean isHired() {
        return status == CandidateStatus.HIRED;
    }
}
