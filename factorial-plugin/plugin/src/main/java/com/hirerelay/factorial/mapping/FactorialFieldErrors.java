package com.hirerelay.factorial.mapping;

import static com.hirerelay.factorial.mapping.DraftKeys.*;

import com.hirerelay.api.FieldError;
import com.hirerelay.factorial.client.FactorialErrorBody;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Attaches Factorial's validation messages to the draft's fields where a field can be recognised: by
 * the attribute name the answer gives ({@code {"errors": {"email": [...]}}}), or by the words a message
 * starts with ({@code "Email has already been taken"}, {@code "Legal entity not found"}). Anything else
 * stays a general message.
 *
 * <p>Stateless and thread-safe.
 */
public final class FactorialFieldErrors {

    /** Phrases a message may start with, to the draft key; longest first so "address line 2" wins. */
    private static final List<Map.Entry<String, String>> PHRASES = buildPhrases();

    /**
     * What a refusal said, split into field errors and the rest.
     *
     * @param fieldErrors one error per recognised field, messages joined
     * @param general the messages no field could be found for
     */
    public record Recognised(List<FieldError> fieldErrors, List<String> general) {}

    private FactorialFieldErrors() {}

    /**
     * @param body the parsed error answer
     * @param draftKeys the keys of the draft that was sent; only these are used as fields
     * @return the recognised field errors and the general messages
     */
    public static Recognised recognise(FactorialErrorBody body, Set<String> draftKeys) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        List<String> attributed = new ArrayList<>();
        body.fieldMessages().forEach((attribute, messages) -> {
            String key =
                    keyFor(attribute.toLowerCase(Locale.ROOT).replace('_', ' ').strip());
            for (String message : messages) {
                String sentence = capitalise(attribute.replace('_', ' ')) + " " + message;
                attributed.add(sentence);
                if (key != null && draftKeys.contains(key)) {
                    byField.computeIfAbsent(key, k -> new ArrayList<>()).add(sentence);
                } else {
                    general.add(sentence);
                }
            }
        });
        for (String message : body.messages()) {
            if (attributed.contains(message)) {
                continue;
            }
            String key = keyForMessage(message);
            if (key != null && draftKeys.contains(key)) {
                byField.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
            } else {
                general.add(message);
            }
        }
        List<FieldError> errors = byField.entrySet().stream()
                .map(entry -> new FieldError(entry.getKey(), String.join("; ", entry.getValue())))
                .toList();
        return new Recognised(errors, general);
    }

    private static String keyFor(String attributeWords) {
        for (Map.Entry<String, String> phrase : PHRASES) {
            if (attributeWords.equals(phrase.getKey())) {
                return phrase.getValue();
            }
        }
        return null;
    }

    private static String keyForMessage(String message) {
        String lower = message.toLowerCase(Locale.ROOT).strip();
        for (Map.Entry<String, String> phrase : PHRASES) {
            String words = phrase.getKey();
            if (lower.startsWith(words)
                    && (lower.length() == words.length() || !Character.isLetterOrDigit(lower.charAt(words.length())))) {
                return phrase.getValue();
            }
        }
        return null;
    }

    private static String capitalise(String words) {
        String text = words.strip();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<Map.Entry<String, String>> buildPhrases() {
        List<Map.Entry<String, String>> phrases = new ArrayList<>();
        phrase(phrases, FIRST_NAME, "first name");
        phrase(phrases, LAST_NAME, "last name");
        phrase(phrases, EMAIL, "email", "e-mail", "login email");
        phrase(phrases, PERSONAL_EMAIL, "personal email", "personal e-mail");
        phrase(phrases, PHONE_NUMBER, "phone number", "phone");
        phrase(
                phrases,
                CONTRACT_STARTS_ON,
                "contract starts on",
                "contract effective on",
                "starts on",
                "effective on",
                "start date",
                "contract start date");
        phrase(phrases, JOB_TITLE, "job title");
        phrase(phrases, SALARY_AMOUNT, "salary amount", "salary");
        phrase(phrases, SALARY_FREQUENCY, "salary frequency");
        phrase(phrases, LEGAL_ENTITY_ID, "legal entity id", "legal entity");
        phrase(phrases, LOCATION_ID, "location id", "location");
        phrase(phrases, TEAM_ID, "team id", "team");
        phrase(phrases, MANAGER_ID, "manager id", "manager");
        phrase(phrases, GENDER, "gender");
        phrase(phrases, BIRTHDAY_ON, "birthday on", "birthday", "date of birth");
        phrase(phrases, NATIONALITY, "nationality");
        phrase(phrases, ADDRESS_LINE_1, "address line1", "address line 1", "address");
        phrase(phrases, ADDRESS_LINE_2, "address line 2", "address line2");
        phrase(phrases, POSTAL_CODE, "postal code", "zip code", "zip");
        phrase(phrases, CITY, "city");
        phrase(phrases, STATE, "state");
        phrase(phrases, COUNTRY, "country");
        phrase(phrases, COMPANY_IDENTIFIER, "company identifier");
        phrases.sort(Comparator.comparing(
                        (Map.Entry<String, String> entry) -> entry.getKey().length())
                .reversed());
        return List.copyOf(phrases);
    }

    private static void phrase(List<Map.Entry<String, String>> phrases, String key, String... words) {
        for (String word : words) {
            phrases.add(Map.entry(word, key));
        }
    }
}
