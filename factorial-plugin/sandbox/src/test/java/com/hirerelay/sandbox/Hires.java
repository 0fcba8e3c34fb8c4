package com.hirerelay.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for create_with_contract. */
final class Hires {

    private Hires() {}

    static Map<String, Object> marta(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company_id", 55);
        body.put("first_name", "Marta");
        body.put("last_name", "Garcia");
        body.put("email", email);
        body.put("contract_starts_on", "2026-09-01");
        body.put("contract_effective_on", "2026-09-01");
        body.put("birthday_on", "1995-02-14");
        body.put("gender", "female");
        body.put("nationality", "ES");
        body.put("phone_number", "+34600000000");
        body.put("address_line1", "Calle Mayor 1");
        body.put("postal_code", "08001");
        body.put("city", "Barcelona");
        body.put("country", "ES");
        body.put("legal_entity_id", 7);
        body.put("location_id", 3);
        body.put("team_id", 9);
        body.put("manager_id", 2);
        body.put("company_identifier", "ats-4711");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
