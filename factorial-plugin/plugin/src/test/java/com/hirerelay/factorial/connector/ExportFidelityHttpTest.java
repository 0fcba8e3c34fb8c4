package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.CREATE;
import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static com.hirerelay.factorial.testing.SandboxSettings.json;
import static com.hirerelay.factorial.testing.SandboxSettings.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.ApiVersionUnavailableException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.MatchConfidence;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.PossibleMatchException;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 against the sandbox over real HTTP: the right person, the right fields, on every supported API
 * version.
 */
class ExportFidelityHttpTest extends SandboxHttpTest {

    private final FactorialConnector connector = new FactorialConnector();

    private HrisConnection verified(String... extra) {
        HrisConnection first = connector.open(forSandbox(sandbox, extra));
        opened.add(first);
        ConnectedAccount account = first.verify();
        HrisConnection connection =
                connector.open(forSandbox(sandbox, extra).withAccountAttributes(account.attributes()));
        opened.add(connection);
        return connection;
    }

    private static EmployeeDraft marta(HrisConnection connection) {
        return connection
                .draftFor(Candidates.marta())
                .withValues(Map.of("legal_entity_id", "7", "team_id", "9", "manager_id", "2"));
    }

    @Test
    void anEmployeeWhoseNumberEqualsTheCandidateIdIsNeverLinked() {
        String unrelated = sandbox.addEmployee("Jorge", "Unrelated", "jorge@acme-robotics.example", "ats-4711");
        HrisConnection connection = verified();

        ExportResult result = connection.export(marta(connection));

        assertThat(result.outcome())
                .as("Marta is created, not linked to employee number ats-4711")
                .isEqualTo(ExportOutcome.CREATED);
        assertThat(result.employeeId()).isNotEqualTo(unrelated);
        assertThat(sandbox.employees().stream().filter(e -> unrelated.equals(String.valueOf(e.get("id")))))
                .singleElement()
                .satisfies(e -> assertThat(e.get("company_identifier"))
                        .as("the company's own number is untouched")
                        .isEqualTo("ats-4711"));
    }

    @Test
    void inCompanyIdentifierModeTheNumberIsNamespacedAndABareIdIsStillNoMatch() {
        sandbox.addEmployee("Jorge", "Unrelated", "jorge@acme-robotics.example", "ats-4711");
        HrisConnection connection = verified("reference_store", "company_identifier", "ats_instance", "acme-ats");

        ExportResult first = connection.export(marta(connection));
        ExportResult second =
                connection.export(marta(connection).withValues(Map.of("personal_email", "m@other.example")));

        assertThat(first.outcome()).isEqualTo(ExportOutcome.CREATED);
        assertThat(json(requests(sandbox, "POST", CREATE).get(0).body())
                        .get("company_identifier")
                        .asText())
                .isEqualTo("hirerelay:acme-ats:ats-4711");
        assertThat(second.outcome())
                .as("found again by the namespaced number although the e-mail changed")
                .isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(second.employeeId()).isEqualTo(first.employeeId());
    }

    @Test
    void aSameNameDifferentEmailEmployeeIsAPossibleMatchNotALink() {
        String namesake = sandbox.addEmployee("Marta", "García", "marta.garcia@acme-robotics.example", null);
        HrisConnection connection = verified();
        EmployeeDraft draft = marta(connection);

        assertThat(connection.findMatch(draft)).hasValueSatisfying(match -> {
            assertThat(match.confidence()).isEqualTo(MatchConfidence.POSSIBLE_MATCH);
            assertThat(match.employee().employeeId()).isEqualTo(namesake);
            assertThat(match.reason()).contains("Same name").contains("marta.garcia@acme-robotics.example");
        });
        assertThat(connection.findExisting(draft))
                .as("never an existing employee to link silently")
                .isEmpty();
        assertThatThrownBy(() -> connection.export(draft))
                .isInstanceOfSatisfying(
                        PossibleMatchException.class,
                        possible -> assertThat(possible.match().employee().employeeId())
                                .isEqualTo(namesake))
                .hasMessageContaining("choose Link or Create new");
        assertThat(requests(sandbox, "POST", CREATE)).as("nothing created").isEmpty();
        assertThat(sandbox.customFieldValues(namesake)).as("nothing linked").isEmpty();
    }

    @Test
    void createNewAfterAPossibleMatchCreatesAndTheNextExportIsTheSamePerson() {
        String namesake = sandbox.addEmployee("Marta", "Garcia", "marta.garcia@acme-robotics.example", null);
        HrisConnection connection = verified();
        EmployeeDraft draft = marta(connection);

        ExportResult created = connection.export(draft, MatchDecision.createNew(namesake));
        ExportResult again = connection.export(draft);

        assertThat(created.outcome()).isEqualTo(ExportOutcome.CREATED);
        assertThat(created.employeeId()).isNotEqualTo(namesake);
        assertThat(again.outcome()).as("found by the reference now").isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(again.employeeId()).isEqualTo(created.employeeId());
    }

    @Test
    void linkAfterAPossibleMatchLinksAndRecordsTheReference() {
        String namesake = sandbox.addEmployee("Marta", "Garcia", "marta.garcia@acme-robotics.example", null);
        HrisConnection connection = verified();
        EmployeeDraft draft = marta(connection);

        ExportResult linked = connection.export(draft, MatchDecision.link(namesake));

        assertThat(linked.outcome()).isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(linked.employeeId()).isEqualTo(namesake);
        assertThat(requests(sandbox, "POST", CREATE)).isEmpty();
        assertThat(sandbox.customFieldValues(namesake))
                .extracting(value -> value.get("value"))
                .containsExactly("hirerelay:ats:ats-4711");
        assertThat(connection.findMatch(draft))
                .hasValueSatisfying(match -> assertThat(match.confidence()).isEqualTo(MatchConfidence.SAME_PERSON));
    }

    @Test
    void aDecisionAboutAnotherEmployeeIsNotApplied() {
        sandbox.addEmployee("Marta", "Garcia", "marta.garcia@acme-robotics.example", null);
        HrisConnection connection = verified();

        assertThatThrownBy(() -> connection.export(marta(connection), MatchDecision.createNew("3")))
                .as("the person decided about employee 3, not about the namesake")
                .isInstanceOf(PossibleMatchException.class);
        assertThatThrownBy(() -> connection.export(marta(connection), MatchDecision.link("3")))
                .isInstanceOf(PossibleMatchException.class);
        assertThat(requests(sandbox, "POST", CREATE)).isEmpty();
    }

    @Test
    void theSameEmailAndNameIsTheSamePersonAndLinked() {
        String earlier = sandbox.addEmployee("MARTA", "García", "Marta@Example.com", null);
        HrisConnection connection = verified();

        ExportResult result = connection.export(marta(connection));

        assertThat(result.outcome()).isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(result.employeeId()).isEqualTo(earlier);
    }

    @ParameterizedTest(name = "API version {0}")
    @ValueSource(strings = {"2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01"})
    void eachApiVersionEndToEndWithTheExactRequestBodies(String version) {
        HrisConnection connection = verified("api_version", version);
        boolean strings = version.compareTo("2026-07-01") >= 0;

        ExportResult result = connection.export(marta(connection));

        String id = result.employeeId();
        Object employeeId = strings ? "\"" + id + "\"" : id;
        Object v = strings ? "\"%s\"" : "%s";
        assertThat(result.outcome()).isEqualTo(ExportOutcome.CREATED);
        assertThat(json(requests(sandbox, "POST", CREATE).get(0).body()))
                .as("create_with_contract in %s", version)
                .isEqualTo(json(("""
                        {"company_id":%s,"first_name":"Marta","last_name":"Garcia","email":"marta@example.com",
                         "phone_number":"+34600000000","birthday_on":"1995-02-14","address_line1":"Calle Mayor 1",
                         "postal_code":"08001","city":"Barcelona","country":"ES","nationality":"ES",
                         "contract_starts_on":"2026-09-01","contract_effective_on":"2026-09-01",
                         "legal_entity_id":%s,"team_id":%s,"manager_id":%s}
                        """)
                        .formatted(
                                v.toString().formatted("55"),
                                v.toString().formatted("7"),
                                v.toString().formatted("9"),
                                v.toString().formatted("2"))));
        assertThat(json(requests(sandbox, "POST", "custom_fields/values").get(0).body()))
                .as("the reference in %s", version)
                .isEqualTo(json("""
                        {"field_id":%s,"valuable_type":"Employee","valuable_id":%s,"value":"hirerelay:ats:ats-4711"}
                        """.formatted(v.toString().formatted("31"), employeeId)));
        assertThat(json(put("employees/employees/" + id).body()))
                .as("the personal e-mail in %s", version)
                .isEqualTo(json("{\"id\":%s,\"personal_email\":\"marta@example.com\"}".formatted(employeeId)));
        List<Map<String, Object>> versions = sandbox.contractVersions(id);
        assertThat(versions).as("exactly one contract version in %s", version).hasSize(1);
        String versionId = String.valueOf(versions.get(0).get("id"));
        assertThat(json(put("contracts/contract_versions/" + versionId).body()))
                .as("job title and salary on the version the create made, in %s", version)
                .isEqualTo(json("""
                        {"id":%s,"job_title":"Backend Engineer","salary_amount":4500000,"salary_frequency":"yearly"}
                        """.formatted(v.toString().formatted(versionId))));
        assertThat(versions.get(0))
                .containsEntry("job_title", "Backend Engineer")
                .containsEntry("salary_frequency", "yearly")
                .containsEntry("effective_on", "2026-09-01");
        assertThat(requests(sandbox, "POST", "custom_fields/values").get(0).status())
                .as("201 on the value create")
                .isEqualTo(201);
        assertThat(result.warnings()).isEmpty();
        assertThat(sandbox.employeeByEmail("marta@example.com").orElseThrow().get("personal_email"))
                .isEqualTo("marta@example.com");
    }

    @Test
    void theTypedErrorListOf2027BecomesAFieldErrorOnTheNamedField() {
        HrisConnection connection = verified("api_version", "2027-01-01");
        sandbox.inject(Fault.status(
                        422,
                        "{\"errors\":[{\"code\":\"validation_failed\",\"message\":\"Phone number is invalid\","
                                + "\"field\":\"phone_number\"}]}")
                .on("POST", CREATE));

        assertThatThrownBy(() -> connection.export(marta(connection)))
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        refused -> assertThat(refused.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("phone_number"));
    }

    @Test
    void aRetiredVersionStopsTheExportWithAClearMessageAndCreatesNothing() {
        HrisConnection connection = verified("api_version", "2026-04-01");
        EmployeeDraft draft = marta(connection);
        sandbox.retireVersion("2026-04-01");

        assertThatThrownBy(() -> connection.export(draft))
                .isInstanceOfSatisfying(
                        ApiVersionUnavailableException.class,
                        gone -> assertThat(gone.apiVersion()).isEqualTo("2026-04-01"))
                .hasMessageContaining("no longer serves API version 2026-04-01")
                .hasMessageContaining("upgrade the connection");
        assertThat(requests(sandbox, "POST", CREATE)).isEmpty();
    }

    @Test
    void verifyingAVersionTheSandboxDoesNotSpeakNamesTheVersionField() {
        HrisConnection connection = connector.open(forSandbox(sandbox, "api_version", "2025-01-01"));
        opened.add(connection);

        assertThatThrownBy(connection::verify)
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .extracting(FieldError::field)
                                .contains("api_version"));
    }

    @Test
    void aMissingReferenceFieldIsRefusedUnlessTheAdminAllowsCreatingIt() {
        sandbox.removeCustomField(FactorialSandbox.REFERENCE_FIELD_LABEL);
        HrisConnection refused = connector.open(forSandbox(sandbox));
        opened.add(refused);

        assertThatThrownBy(refused::verify)
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("reference_field_label"));

        ConnectedAccount account = connector
                .open(forSandbox(sandbox, "create_reference_field", "true"))
                .verify();
        assertThat(sandbox.customFields())
                .filteredOn(field -> FactorialSandbox.REFERENCE_FIELD_LABEL.equals(field.get("label_text")))
                .singleElement()
                .satisfies(field -> assertThat(String.valueOf(field.get("id")))
                        .isEqualTo(account.attributes().get("reference_field_id")));
    }

    @Test
    void theEmployeeLinkOpensAPageInTheSandbox() throws Exception {
        HrisConnection connection = verified();

        ExportResult result = connection.export(marta(connection));

        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(result.link()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Marta Garcia", "Backend Engineer", "hirerelay:ats:ats-4711");
    }

    @Test
    void theLinkPatternIsConfigurable() {
        HrisConnection connection = verified("employee_link_pattern", "{web}/people/{id}/profile");

        ExportResult result = connection.export(marta(connection));

        assertThat(result.link())
                .isEqualTo(URI.create(sandbox.baseUrl() + "/people/" + result.employeeId() + "/profile"));
    }

    private RecordedRequest put(String resource) {
        return requests(sandbox, "PUT", resource).get(0);
    }
}
