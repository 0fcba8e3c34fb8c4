package com.hirerelay.factorial.mapping;

import static com.hirerelay.factorial.mapping.DraftKeys.*;

import com.hirerelay.api.EmailAddress;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ReferenceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Factorial draft before anything is sent: required values present, e-mail well-formed, dates
 * ISO and plausible, gender and salary period among the allowed values, country codes ISO 3166-1, and
 * ids among Factorial's reference data. Returns at most one error per field; never throws on odd input.
 *
 * <p>Stateless and thread-safe.
 */
public final class DraftValidator {

    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());
    private static final BigDecimal MAX_SALARY = new BigDecimal("100000000");

    /**
     * @param draft the draft as edited
     * @param reference Factorial's choices, or null when they could not be read (ids are then left to
     *                  Factorial to check)
     * @param today the current date, for plausibility of dates
     * @return the problems, in field order, at most one per field
     */
    public List<FieldError> validate(EmployeeDraft draft, ReferenceData reference, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (DraftField field : draft.fields()) {
            String value = field.hasValue() ? field.value().strip() : null;
            if (value == null) {
                if (field.required()) {
                    errors.put(field.key(), "Enter the " + field.label().toLowerCase(Locale.ROOT) + ".");
                }
                continue;
            }
            if (field.maxLength() > 0 && value.length() > field.maxLength()) {
                errors.put(field.key(), "Use at most " + field.maxLength() + " characters.");
                continue;
            }
            checkType(field, value, reference).ifPresent(message -> errors.put(field.key(), message));
        }
        checkSpecific(draft, today, errors);
        checkCombinations(draft, errors);
        return errors.entrySet().stream()
                .map(entry -> new FieldError(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static Optional<String> checkType(DraftField field, String value, ReferenceData reference) {
        return switch (field.type()) {
            case EMAIL ->
                EmailAddress.isWellFormed(value)
                        ? Optional.empty()
                        : Optional.of("Enter an e-mail address such as name@example.com.");
            case DATE ->
                parseDate(value).isPresent() ? Optional.empty() : Optional.of("Enter a date such as 2026-09-01.");
            case DECIMAL ->
                parseDecimal(value).isPresent()
                        ? Optional.empty()
                        : Optional.of("Enter a number such as 45000.00, with a dot as decimal separator.");
            case PHONE ->
                value.matches("\\+?[0-9 ()./-]{6,30}")
                                && value.replaceAll("\\D", "").length() >= 6
                        ? Optional.empty()
                        : Optional.of("Enter a phone number such as +34 600 000 000.");
            case BOOLEAN ->
                value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of("Choose yes or no.");
            case SELECT -> checkChoice(field, value, reference);
            case COUNTRY ->
                COUNTRY_CODES.contains(value.toUpperCase(Locale.ROOT))
                        ? Optional.empty()
                        : Optional.of("Choose a country from the list; " + value + " is not an ISO 3166 country code.");
            case TEXT -> Optional.empty();
        };
    }

    private static Optional<String> checkChoice(DraftField field, String value, ReferenceData reference) {
        if (field.referenceList() != null) {
            if (reference == null || reference.contains(field.referenceList(), value)) {
                return Optional.empty();
            }
            return Optional.of("Choose one of the " + field.label().toLowerCase(Locale.ROOT)
                    + " choices Factorial offers; " + value + " is not among them.");
        }
        if (field.options().isEmpty()
                || field.options().stream().map(SelectOption::value).anyMatch(value::equals)) {
            return Optional.empty();
        }
        return Optional.of("Choose one of: "
                + String.join(
                        ", ", field.options().stream().map(SelectOption::label).toList()) + ".");
    }

    private static void checkSpecific(EmployeeDraft draft, LocalDate today, Map<String, String> errors) {
        draft.value(BIRTHDAY_ON).flatMap(DraftValidator::parseDate).ifPresent(birthday -> {
            if (!birthday.isBefore(today.minusYears(14)) || birthday.isBefore(today.minusYears(100))) {
                errors.putIfAbsent(BIRTHDAY_ON, "Enter a date of birth that makes the person 14 to 100 years old.");
            }
        });
        draft.value(CONTRACT_STARTS_ON).flatMap(DraftValidator::parseDate).ifPresent(start -> {
            if (start.isBefore(today.minusYears(10)) || start.isAfter(today.plusYears(2))) {
                errors.putIfAbsent(CONTRACT_STARTS_ON, "Enter a start date within the last 10 or the next 2 years.");
            }
        });
        draft.value(GENDER).ifPresent(gender -> {
            if (!GENDERS.contains(gender)) {
                errors.putIfAbsent(GENDER, "Choose female or male, or leave it empty.");
            }
        });
        draft.value(SALARY_FREQUENCY).ifPresent(frequency -> {
            if (!SALARY_FREQUENCIES.contains(frequency)) {
                // The options hold only Factorial's periods; an offer's daily salary arrives here and is
                // refused rather than sent under a period Factorial does not know.
                errors.put(
                        SALARY_FREQUENCY,
                        "Factorial's contracts take a yearly, monthly, weekly or hourly salary, not '" + frequency
                                + "'. Convert the amount to one of those periods.");
            }
        });
        draft.value(SALARY_AMOUNT).flatMap(DraftValidator::parseDecimal).ifPresent(amount -> {
            if (amount.signum() <= 0 || amount.compareTo(MAX_SALARY) >= 0) {
                errors.putIfAbsent(SALARY_AMOUNT, "Enter a positive amount below 100,000,000.");
            } else if (amount.stripTrailingZeros().scale() > 2) {
                errors.putIfAbsent(SALARY_AMOUNT, "Use at most two decimals.");
            }
        });
    }

    private static void checkCombinations(EmployeeDraft draft, Map<String, String> errors) {
        if (draft.field(EMAIL).isPresent()
                && draft.field(PERSONAL_EMAIL).isPresent()
                && draft.value(EMAIL).isEmpty()
                && draft.value(PERSONAL_EMAIL).isEmpty()) {
            errors.putIfAbsent(
                    EMAIL, "Enter a login or a personal e-mail: Factorial needs one to create the employee.");
        }
        boolean amount = draft.value(SALARY_AMOUNT).isPresent();
        boolean frequency = draft.value(SALARY_FREQUENCY).isPresent();
        if (amount && !frequency && draft.field(SALARY_FREQUENCY).isPresent()) {
            errors.putIfAbsent(SALARY_FREQUENCY, "Choose the period the salary is paid for.");
        }
        if (frequency && !amount && draft.field(SALARY_AMOUNT).isPresent()) {
            errors.putIfAbsent(SALARY_AMOUNT, "Enter the salary, or clear its period.");
        }
        boolean contractDetails = draft.value(JOB_TITLE).isPresent() || amount;
        if (contractDetails
                && draft.value(CONTRACT_STARTS_ON).isEmpty()
                && draft.field(CONTRACT_STARTS_ON).isPresent()) {
            errors.putIfAbsent(
                    CONTRACT_STARTS_ON,
                    "Enter the start date: Factorial records the job title and salary from that date.");
        }
    }

    /**
     * @param text a value
     * @return the date when the value is an ISO {@code YYYY-MM-DD} date that exists
     */
    static Optional<LocalDate> parseDate(String text) {
        if (text == null || !text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * @param text a value
     * @return the number when the value is a plain decimal with a dot, such as {@code 45000.50}
     */
    static Optional<BigDecimal> parseDecimal(String text) {
        if (text == null || !text.strip().matches("-?\\d{1,15}(\\.\\d{1,10})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.strip()));
    }
}
