package com.hirerelay.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sandbox's records. Every record is a mutable JSON-like map whose ids are digit strings. Not thread-safe by
 * itself: callers hold the store's monitor ({@code synchronized (store)}) for every read and write, which also
 * makes check-then-insert sequences (duplicate email, second invite) atomic.
 */
final class SandboxStore {

    final String companyId;
    final String companyName;
    final Map<String, Map<String, Object>> legalEntities = new TreeMap<>(Ids.ORDER);
    final Map<String, Map<String, Object>> locations = new TreeMap<>(Ids.ORDER);
    final Map<String, Map<String, Object>> teams = new TreeMap<>(Ids.ORDER);
    final Map<String, Map<String, Object>> employees = new TreeMap<>(Ids.ORDER);
    final Map<String, Map<String, Object>> contractVersions = new TreeMap<>(Ids.ORDER);
    final Map<String, Map<String, Object>> customFields = new TreeMap<>(Ids.ORDER);
    final Map<String, Map<String, Object>> customFieldValues = new TreeMap<>(Ids.ORDER);
    final Set<String> invited = new LinkedHashSet<>();
    final Map<String, Map<String, Object>> folders = new TreeMap<>(Ids.ORDER);
    final Map<String, Map<String, Object>> documents = new TreeMap<>(Ids.ORDER);
    /** The uploaded bytes by document id, kept beside the JSON record so that tests can compare them. */
    final Map<String, byte[]> documentBytes = new LinkedHashMap<>();

    private long nextFolderId;
    private long nextDocumentId;
    private long nextEmployeeId;
    private long nextContractVersionId;
    private long nextCustomFieldId;
    private long nextCustomFieldValueId;

    SandboxStore(String companyId, String companyName) {
        this.companyId = companyId;
        this.companyName = companyName;
    }

    String newEmployeeId() {
        if (nextEmployeeId == 0) {
            nextEmployeeId =
                    employees.keySet().stream().mapToLong(Long::parseLong).max().orElse(0) + 1;
        }
        return Long.toString(nextEmployeeId++);
    }

    String newContractVersionId() {
        if (nextContractVersionId == 0) {
            nextContractVersionId = contractVersions.keySet().stream()
                            .mapToLong(Long::parseLong)
                            .max()
                            .orElse(500)
                    + 1;
        }
        return Long.toString(nextContractVersionId++);
    }

    String newCustomFieldId() {
        if (nextCustomFieldId == 0) {
            nextCustomFieldId = customFields.keySet().stream()
                            .mapToLong(Long::parseLong)
                            .max()
                            .orElse(30)
                    + 1;
        }
        return Long.toString(nextCustomFieldId++);
    }

    String newCustomFieldValueId() {
        if (nextCustomFieldValueId == 0) {
            nextCustomFieldValueId = customFieldValues.keySet().stream()
                            .mapToLong(Long::parseLong)
                            .max()
                            .orElse(700)
                    + 1;
        }
        return Long.toString(nextCustomFieldValueId++);
    }

    String newFolderId() {
        if (nextFolderId == 0) {
            nextFolderId =
                    folders.keySet().stream().mapToLong(Long::parseLong).max().orElse(900) + 1;
        }
        return Long.toString(nextFolderId++);
    }

    String newDocumentId() {
        if (nextDocumentId == 0) {
            nextDocumentId =
                    documents.keySet().stream().mapToLong(Long::parseLong).max().orElse(3000) + 1;
        }
        return Long.toString(nextDocumentId++);
    }

    /** Email fields an employee can be found by. */
    static List<String> emailsOf(Map<String, Object> employee) {
        List<String> out = new ArrayList<>(3);
        for (String field : List.of("email", "login_email", "personal_email")) {
            if (employee.get(field) instanceof String s && !s.isBlank()) {
                out.add(s.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    Optional<Map<String, Object>> employeeByEmail(String email) {
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return employees.values().stream()
                .filter(e -> emailsOf(e).contains(wanted))
                .findFirst();
    }

    boolean isManager(String employeeId) {
        return employees.values().stream().anyMatch(e -> employeeId.equals(e.get("manager_id")));
    }

    Map<String, Object> credentials() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "1");
        c.put("company_id", companyId);
        c.put("employee_id", null);
        c.put("name", companyName);
        c.put("legal_name", companyName + " S.L.");
        c.put("locale", "es");
        c.put("subscription_plan", "business");
        c.put("tos", true);
        c.put("gdpr_tos", true);
        return c;
    }
}
