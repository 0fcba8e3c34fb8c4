package com.hirerelay.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deterministic starting state: company 55, two legal entities (one with an id above 2^53, so string-id mode
 * is exercised), three locations, four teams and {@code n} employees. Employee 1 manages 2 and 3, who manage
 * everyone else; the last employee is terminated; employee 4 logs in with an address different from its email.
 */
final class SeedData {

    static final String COMPANY_ID = "55";
    static final String MAIN_LEGAL_ENTITY_ID = "7";
    static final String BIG_LEGAL_ENTITY_ID = "18446744073709551";
    static final String SEED_TIMESTAMP = "2024-01-15T09:00:00.000Z";
    /** The custom field the plugin finds by its default label. */
    static final String REFERENCE_FIELD_ID = "31";
    /** The label of {@link #REFERENCE_FIELD_ID}. */
    static final String REFERENCE_FIELD_LABEL = "HireRelay reference";

    private static final String[][] NAMES = {
        {"Elena", "Torres", "female"}, {"Marc", "Puig", "male"}, {"Laura", "Sanchez", "female"},
        {"Lucia", "Fernandez", "female"}, {"Jordi", "Vidal", "male"}, {"Ana", "Lopez", "female"},
        {"David", "Moreno", "male"}, {"Carmen", "Ruiz", "female"}, {"Pablo", "Navarro", "male"},
        {"Marta", "Romero", "female"}, {"Sergio", "Gil", "male"}, {"Irene", "Castro", "female"},
        {"Hugo", "Ortega", "male"}, {"Nuria", "Serra", "female"}, {"Alberto", "Molina", "male"},
        {"Clara", "Delgado", "female"}, {"Raul", "Morales", "male"}, {"Sara", "Iglesias", "female"},
        {"Oscar", "Garrido", "male"}, {"Paula", "Ramos", "female"}
    };
    private static final String[][] TEAMS = {
        {"9", "Engineering"}, {"10", "Sales"}, {"11", "People"}, {"12", "Operations"}
    };

    private SeedData() {}

    static String emailDomain(String companyName) {
        String slug = companyName
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return (slug.isEmpty() ? "company" : slug) + ".example";
    }

    static SandboxStore build(String companyName, int employeeCount) {
        SandboxStore store = new SandboxStore(COMPANY_ID, companyName);
        store.legalEntities.put(
                MAIN_LEGAL_ENTITY_ID,
                legalEntity(
                        MAIN_LEGAL_ENTITY_ID,
                        "es",
                        companyName + " S.L.",
                        "B12345678",
                        "Barcelona",
                        "08001",
                        "Carrer de Pujades 100"));
        store.legalEntities.put(
                BIG_LEGAL_ENTITY_ID,
                legalEntity(
                        BIG_LEGAL_ENTITY_ID,
                        "de",
                        companyName + " GmbH",
                        "DE123456789",
                        "Berlin",
                        "10115",
                        "Invalidenstrasse 1"));
        store.locations.put("3", location("3", "Barcelona HQ", "Barcelona", "es"));
        store.locations.put("4", location("4", "Madrid Office", "Madrid", "es"));
        store.locations.put("5", location("5", "Berlin Office", "Berlin", "de"));
        for (String[] t : TEAMS) {
            Map<String, Object> team = new LinkedHashMap<>();
            team.put("id", t[0]);
            team.put("name", t[1]);
            team.put("company_id", COMPANY_ID);
            team.put("employee_ids", new ArrayList<String>());
            team.put("lead_ids", new ArrayList<String>());
            store.teams.put(t[0], team);
        }
        store.customFields.put("30", customField("30", "T-shirt size", "single_choice", false));
        store.customFields.put(
                REFERENCE_FIELD_ID, customField(REFERENCE_FIELD_ID, REFERENCE_FIELD_LABEL, "text", false));
        String domain = emailDomain(companyName);
        for (int i = 1; i <= employeeCount; i++) {
            Map<String, Object> e = employee(store, i, employeeCount, domain);
            store.employees.put((String) e.get("id"), e);
            Map<String, Object> contract = new LinkedHashMap<>();
            String contractId = Integer.toString(500 + i);
            contract.put("id", contractId);
            contract.put("employee_id", e.get("id"));
            contract.put("starts_on", String.format("20%02d-%02d-01", 18 + i % 6, 1 + i % 12));
            contract.put("effective_on", contract.get("starts_on"));
            contract.put("ends_on", null);
            contract.put(
                    "job_title", i == 1 ? "Chief Executive Officer" : i <= 3 ? "Head of Department" : "Specialist");
            contract.put("salary_amount", null);
            contract.put("salary_frequency", null);
            contract.put("created_at", SEED_TIMESTAMP);
            contract.put("updated_at", SEED_TIMESTAMP);
            store.contractVersions.put(contractId, contract);
        }
        return store;
    }

    private static Map<String, Object> employee(SandboxStore store, int i, int count, String domain) {
        String[] n = NAMES[(i - 1) % NAMES.length];
        String first = n[0];
        String last = i > NAMES.length ? n[1] + " " + (char) ('A' + (i - 1) / NAMES.length - 1) : n[1];
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '.');
        String id = Integer.toString(i);
        String manager = i == 1 ? null : i <= 3 ? "1" : (i % 2 == 0 ? "2" : "3");
        if (manager != null && Integer.parseInt(manager) > count) {
            manager = null;
        }
        boolean terminated = count >= 4 && i == count;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("access_id", Integer.toString(9000 + i));
        e.put("first_name", first);
        e.put("last_name", last);
        e.put("full_name", first + " " + last);
        e.put("email", local + "@" + domain);
        e.put(
                "login_email",
                i == 4
                        ? first.toLowerCase(Locale.ROOT).charAt(0) + last.toLowerCase(Locale.ROOT) + "@" + domain
                        : local + "@" + domain);
        e.put("personal_email", i % 5 == 0 ? local + "@mail.example" : null);
        e.put("company_id", COMPANY_ID);
        e.put("legal_entity_id", MAIN_LEGAL_ENTITY_ID);
        e.put("location_id", i % 3 == 0 ? "4" : "3");
        e.put("manager_id", manager);
        e.put("birthday_on", String.format("19%02d-%02d-%02d", 70 + (i * 7) % 30, 1 + i % 12, 1 + (i * 3) % 28));
        e.put("gender", n[2]);
        e.put("nationality", "ES");
        e.put("address_line_1", "Carrer Example " + i);
        e.put("address_line_2", null);
        e.put("postal_code", "080" + String.format("%02d", i % 100));
        e.put("city", "Barcelona");
        e.put("state", null);
        e.put("country", "ES");
        e.put("phone_number", String.format("+346000000%02d", i % 100));
        e.put("company_identifier", null);
        e.put("active", !terminated);
        e.put("is_terminating", false);
        e.put("terminated_on", terminated ? "2025-06-30" : null);
        e.put("attendable", true);
        e.put("created_at", SEED_TIMESTAMP);
        e.put("updated_at", SEED_TIMESTAMP);
        addToTeam(store.teams.get(TEAMS[(i - 1) % TEAMS.length][0]), id, i <= 3);
        return e;
    }

    static Map<String, Object> customField(String id, String label, String type, boolean required) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("company_id", COMPANY_ID);
        f.put("field_type", type);
        f.put("label_text", label);
        f.put(
                "slug",
                label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", ""));
        f.put("required", required);
        f.put("position", Integer.parseInt(id));
        f.put("legal_entity_id", null);
        return f;
    }

    @SuppressWarnings("unchecked")
    static void addToTeam(Map<String, Object> team, String employeeId, boolean lead) {
        ((List<String>) team.get("employee_ids")).add(employeeId);
        if (lead) {
            ((List<String>) team.get("lead_ids")).add(employeeId);
        }
    }

    private static Map<String, Object> legalEntity(
            String id, String country, String legalName, String tin, String city, String postalCode, String address) {
        Map<String, Object> le = new LinkedHashMap<>();
        le.put("id", id);
        le.put("company_id", COMPANY_ID);
        le.put("country", country);
        le.put("legal_name", legalName);
        le.put("currency", "EUR");
        le.put("tin", tin);
        le.put("city", city);
        le.put("postal_code", postalCode);
        le.put("address_line_1", address);
        le.put("address_line_2", null);
        return le;
    }

    private static Map<String, Object> location(String id, String name, String city, String country) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", id);
        l.put("company_id", COMPANY_ID);
        l.put("name", name);
        l.put("city", city);
        l.put("country", country);
        l.put("timezone", "Europe/Madrid");
        return l;
    }
}
