package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.CREATE;
import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static com.hirerelay.factorial.testing.SandboxSettings.json;
import static com.hirerelay.factorial.testing.SandboxSettings.requests;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.factorial.mapping.DraftKeys;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.FactorialSandbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ids above 2^53 (legal entity 18446744073709551 of the seed) survive reading, choosing and sending, both in
 * 2026-07-01 (ids as JSON strings) and 2026-04-01 (ids as JSON numbers).
 */
class FactorialIdsHttpTest extends SandboxHttpTest {

    private static final String BIG_LEGAL_ENTITY = "18446744073709551";

    private final FactorialConnector connector = new FactorialConnector();

    private HrisConnection verified(String apiVersion) {
        HrisConnection first = connector.open(forSandbox(sandbox, "api_version", apiVersion));
        opened.add(first);
        ConnectedAccount account = first.verify();
        HrisConnection connection = connector.open(
                forSandbox(sandbox, "api_version", apiVersion).withAccountAttributes(account.attributes()));
        opened.add(connection);
        return connection;
    }

    private ExportResult exportMartaToTheBigLegalEntity(HrisConnection connection) {
        assertThat(connection.referenceData().options(DraftKeys.LEGAL_ENTITIES))
                .extracting(SelectOption::value)
                .as("legal entity ids as read, digit for digit")
                .contains(BIG_LEGAL_ENTITY);
        EmployeeDraft draft = connection
                .draftFor(Candidates.marta())
                .withValues(Map.of(DraftKeys.LEGAL_ENTITY_ID, BIG_LEGAL_ENTITY, DraftKeys.MANAGER_ID, "2"));
        return connection.export(draft);
    }

    @Test
    void stringIdsOf2026_07_01AreSentAsStringsAndRoundTripExactly() {
        HrisConnection connection = verified("2026-07-01");

        ExportResult result = exportMartaToTheBigLegalEntity(connection);

        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
        JsonNode body = json(requests(sandbox, "POST", CREATE).get(0).body());
        assertThat(body.get("legal_entity_id").isTextual())
                .as("legal_entity_id is a JSON string in %s", body)
                .isTrue();
        assertThat(body.get("legal_entity_id").textValue())
                .as("legal_entity_id sent")
                .isEqualTo(BIG_LEGAL_ENTITY);
        assertThat(body.get("company_id").textValue())
                .as("company_id sent as a string")
                .isEqualTo("55");
        assertThat(body.get("manager_id").textValue())
                .as("manager_id sent as a string")
                .isEqualTo("2");
        Map<String, Object> stored =
                sandbox.employeeByEmail("marta@example.com").orElseThrow();
        assertThat(String.valueOf(stored.get("legal_entity_id")))
                .as("legal entity the sandbox stored")
                .isEqualTo(BIG_LEGAL_ENTITY);
        assertThat(result.employeeId())
                .as("employee id read from the string id")
                .isEqualTo(String.valueOf(stored.get("id")));
        JsonNode version = json(sandbox.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.resource().startsWith("contracts/contract_versions/"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(version.get("id").isTextual())
                .as("the id of the contract version in its PUT is a string")
                .isTrue();
    }

    @Test
    void numericIdsOf2026_04_01AboveTwoToThe53AreSentWithoutPrecisionLoss() {
        HrisConnection connection = verified(FactorialSandbox.DEFAULT_VERSION);

        ExportResult result = exportMartaToTheBigLegalEntity(connection);

        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
        String body = requests(sandbox, "POST", CREATE).get(0).body();
        assertThat(body)
                .as("the raw create body carries the id as an exact JSON integer")
                .contains("\"legal_entity_id\":" + BIG_LEGAL_ENTITY + ",")
                .doesNotContain("E16");
        assertThat(String.valueOf(sandbox.employeeByEmail("marta@example.com")
                        .orElseThrow()
                        .get("legal_entity_id")))
                .as("legal entity the sandbox stored")
                .isEqualTo(BIG_LEGAL_ENTITY);
    }
}
