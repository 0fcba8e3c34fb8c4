package com.hirerelay.host.export;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.EmployeeDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host's own check of the values a person typed, before any connector sees them: phone numbers in
 * E.164 form ({@code +34 600 00 00 00} becomes {@code +34600000000}; a number without its country code is
 * read in the draft's country when its country fields agree) and countries as upper-case ISO 3166-1 codes. Every connector gets the same
 * clean forms, and a value the host cannot read is refused beside its field instead of being sent.
 *
 * <p>Stateless and thread-safe.
 */
final class DraftInputCheck {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());
    // Compiled once: every export checks its phone numbers.
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+0-9 ()./-]{3,40}");

    /** The draft with its clean values, and the fields the host refuses (none when it may be sent). */
    record Checked(EmployeeDraft draft, List<FieldError> errors) {}

    Checked check(EmployeeDraft draft) {
        Map<String, String> clean = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        // A number without its country code is read in the draft's country only when its countries agree
        // (a nationality and an address country that differ leave no safe guess).
        List<String> countries = draft.fields().stream()
                .filter(field -> field.type() == DraftFieldType.COUNTRY && field.hasValue())
                .map(field -> field.value().strip().toUpperCase(Locale.ROOT))
                .filter(COUNTRY_CODES::contains)
                .distinct()
                .toList();
        String region = countries.size() == 1 ? countries.get(0) : null;
        for (DraftField field : draft.fields()) {
            if (!field.hasValue()) {
                continue;
            }
            String value = field.value().strip();
            switch (field.type()) {
                case COUNTRY -> {
                    String code = value.toUpperCase(Locale.ROOT);
                    if (COUNTRY_CODES.contains(code)) {
                        clean.put(field.key(), code);
                    } else {
                        errors.add(new FieldError(
                                field.key(),
                                "Choose a country from the list; " + value + " is not a country the host knows."));
                    }
                }
                case PHONE -> {
                    String e164 = e164(value, region);
                    if (e164 == null) {
                        errors.add(new FieldError(field.key(), phoneProblem(value, region)));
                    } else {
                        clean.put(field.key(), e164);
                    }
                }
                default -> {}
            }
        }
        return new Checked(clean.isEmpty() ? draft : draft.withValues(clean), List.copyOf(errors));
    }

    private static String phoneProblem(String typed, String region) {
        String text = typed.strip();
        if (text.startsWith("+") || text.startsWith("00")) {
            return "This number has too few or too many digits for its country code. Enter it with its country"
                    + " code, such as +34 600 000 000.";
        }
        if (region == null) {
            return "Enter the phone number with its country code, such as +34 600 000 000.";
        }
        return "Enter a phone number for " + new Locale("", region).getDisplayCountry(Locale.ENGLISH)
                + ", or one with its country code, such as +34 600 000 000.";
    }

    /**
     * @param region the ISO country a number without country code is read in, or null to require one
     * @return the number in E.164 form, or null when it is not a possible number
     */
    static String e164(String typed, String region) {
        String text = typed.strip();
        if (!PHONE_CHARACTERS.matcher(text).matches()) {
            return null; // letters, extensions and the like: ask the person instead of guessing
        }
        if (text.startsWith("00")) {
            text = "+" + text.substring(2);
        }
        try {
            PhoneNumber number = PHONES.parse(text, text.startsWith("+") ? null : region);
            return PHONES.isPossibleNumber(number)
                    ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : null;
        } catch (NumberParseException unreadable) {
            return null;
        }
    }
}
