package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.CREATE;
import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static com.hirerelay.factorial.testing.SandboxSettings.json;
import static com.hirerelay.factorial.testing.SandboxSettings.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.factorial.mapping.DraftKeys;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.factorial.testing.SandboxSettings;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import com.hirerelay.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection over real HTTP against the Factorial sandbox: verify, reference data, export, duplicates. */
class FactorialConnectionHttpTest extends SandboxHttpTest {

    private final FactorialConnector connector = new FactorialConnector();

    private HrisConnection open(ConnectionSettings settings) {
        HrisConnection connection = connector.open(settings);
        opened.add(connection);
        return connection;
    }

    /** As the host does it: verify once, then open with the account attributes verify returned. */
    private HrisConnection verified(String... extra) {
        ConnectedAccount account = open(forSandbox(sandbox, extra)).verify();
        return open(forSandbox(sandbox, extra).withAccountAttributes(account.attributes()));
    }

    /** Marta's draft with one choice from each reference list of the seed. */
    private static EmployeeDraft martaWithChoices(HrisConnection connection) {
        return connection
                .draftFor(Candidates.marta())
                .withValues(Map.of(
                        DraftKeys.LEGAL_ENTITY_ID,
                        "7",
                        DraftKeys.LOCATION_ID,
                        "3",
                        DraftKeys.TEAM_ID,
                        "9",
                        DraftKeys.MANAGER_ID,
                        "2"));
    }

    @Test
    void verifyNamesTheCompanyAndItsId() {
        ConnectedAccount account = open(forSandbox(sandbox)).verify();

        assertThat(account.accountName())
                .as("account name from api_public/credentials")
                .isEqualTo("Acme Robotics");
        assertThat(account.accountId())
                .as("account id is Factorial's company id")
                .isEqualTo(sandbox.companyId());
        assertThat(account.attributes())
                .as("the company id is stored for exports")
                .containsEntry("company_id", "55");
    }

    @Test
    void aWrongKeyIsRefusedAsInvalidCredentialsWithAClearMessage() {
        HrisConnection connection = open(SandboxSettings.withKey(sandbox, "not-the-right-key-123"));

        assertThatThrownBy(connection::verify)
                .as("verify with a wrong key")
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("did not accept this API key")
                .hasMessageNotContaining("not-the-right-key-123");
    }

    @Test
    void aKeyFromTheOtherEnvironmentIsRefusedNamingTheEnvironment() {
        HrisConnection connection = open(SandboxSettings.withKey(sandbox, sandbox.otherEnvironmentKey()));

        assertThatThrownBy(connection::verify)
                .as("verify with a key that gets 200 and no credentials")
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("environment")
                .hasMessageContaining(sandbox.baseUrl())
                .hasMessageNotContaining(sandbox.otherEnvironmentKey());
    }

    @Test
    void referenceDataListsLegalEntitiesLocationsTeamsAndEveryActiveManager() {
        sandbox.close();
        sandbox = FactorialSandbox.start(SandboxConfig.defaults().withSeedEmployees(250));

        ReferenceData reference = open(forSandbox(sandbox)).referenceData();

        assertThat(reference.options(DraftKeys.LEGAL_ENTITIES))
                .extracting(SelectOption::value)
                .as("legal entities, including the one above 2^53")
                .containsExactly("7", "18446744073709551");
        assertThat(reference.options(DraftKeys.LEGAL_ENTITIES))
                .extracting(SelectOption::label)
                .as("legal entities are labelled by legal name and country")
                .containsExactly("Acme Robotics S.L. (ES)", "Acme Robotics GmbH (DE)");
        assertThat(reference.options(DraftKeys.LOCATIONS))
                .extracting(SelectOption::value)
                .as("locations")
                .containsExactly("3", "4", "5");
        assertThat(reference.options(DraftKeys.TEAMS))
                .extracting(SelectOption::label)
                .as("teams")
                .containsExactly("Engineering", "Sales", "People", "Operations");
        assertThat(reference.options(DraftKeys.MANAGERS))
                .as("managers of the 250 employees (1 manages 2 and 3," + " who manage the rest)")
                .extracting(SelectOption::value)
                .containsExactly("1", "2", "3");
        assertThat(reference.options(DraftKeys.MANAGERS))
                .extracting(SelectOption::label)
                .as("managers by full name")
                .containsExactly("Elena Torres", "Marc Puig", "Laura Sanchez");
    }

    @Test
    void exportSendsTheCreateBodyFactorialExpects() {
        HrisConnection connection = verified();
        EmployeeDraft draft = martaWithChoices(connection);

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).as("outcome of a new hire").isEqualTo(ExportOutcome.CREATED);
        List<RecordedRequest> creates = requests(sandbox, "POST", CREATE);
        assertThat(creates).as("create_with_contract requests").hasSize(1);
        assertThat(json(creates.get(0).body()))
                .as("the create body: flat, address_line1, numeric ids in 2026-04-01, no company_identifier"
                        + " (the reference goes to a custom field), ISO dates")
                .isEqualTo(json("""
                {"company_id":55,"first_name":"Marta","last_name":"Garcia","email":"marta@example.com",
                 "phone_number":"+34600000000","birthday_on":"1995-02-14","address_line1":"Calle Mayor 1",
                 "postal_code":"08001","city":"Barcelona","country":"ES","nationality":"ES",
                 "contract_starts_on":"2026-09-01","contract_effective_on":"2026-09-01",
                 "legal_entity_id":7,"location_id":3,"team_id":9,"manager_id":2}
                """));
        assertThat(creates.get(0).header("content-type"))
                .as("content type of the create")
                .startsWith("application/json");
        Map<String, Object> stored =
                sandbox.employeeByEmail("marta@example.com").orElseThrow();
        assertThat(String.valueOf(stored.get("id")))
                .as("the result names the stored employee")
                .isEqualTo(result.employeeId());
        assertThat(stored).as("the sandbox read address_line1").containsEntry("address_line_1", "Calle Mayor 1");
        assertThat(result.link().toString())
                .as("link to the employee")
                .isEqualTo(sandbox.baseUrl() + "/employees/" + result.employeeId());
    }

    @Test
    void exportRecordsJobTitleAndSalaryOnTheOneContractVersionTheCreateMade() {
        HrisConnection connection = verified();

        ExportResult result = connection.export(martaWithChoices(connection));

        assertThat(result.warnings())
                .as("warnings of a fully successful export")
                .isEmpty();
        List<Map<String, Object>> versions = sandbox.contractVersions(result.employeeId());
        assertThat(versions)
                .as("exactly one contract version: the one create_with_contract made, completed")
                .hasSize(1);
        assertThat(requests(sandbox, "POST", "contracts/contract_versions"))
                .as("no second version is posted")
                .isEmpty();
        Map<String, Object> latest = versions.get(versions.size() - 1);
        assertThat(latest)
                .as("the contract version the export added")
                .containsEntry("job_title", "Backend Engineer")
                .containsEntry("salary_frequency", "yearly")
                .containsEntry("starts_on", "2026-09-01")
                .containsEntry("effective_on", "2026-09-01");
        assertThat(((Number) latest.get("salary_amount")).longValue())
                .as("salary 45000.00 EUR in cents")
                .isEqualTo(4_500_000L);
        assertThat(sandbox.invitedEmployeeIds())
                .as("no invitation unless the connection asks for it")
                .isEmpty();
    }

    @Test
    void exportSendsTheInvitationWhenTheConnectionAsksForIt() {
        HrisConnection connection = verified("send_invitation", "true");

        ExportResult result = connection.export(martaWithChoices(connection));

        assertThat(result.warnings()).as("warnings").isEmpty();
        assertThat(sandbox.invitedEmployeeIds()).as("invited employees").containsExactly(result.employeeId());
        assertThat(json(requests(sandbox, "POST", "employees/employees/invite")
                        .get(0)
                        .body()))
                .as("the invitation body")
                .isEqualTo(json("{\"id\":" + result.employeeId() + ",\"company_id\":55}"));
    }

    @Test
    void exportingTwiceLinksTheExistingEmployee() {
        HrisConnection connection = verified();
        EmployeeDraft draft = martaWithChoices(connection);

        ExportResult first = connection.export(draft);
        ExportResult second = connection.export(draft);

        assertThat(second.outcome()).as("second export of the same candidate").isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(second.employeeId())
                .as("the second export links the first one's employee")
                .isEqualTo(first.employeeId());
        assertThat(requests(sandbox, "POST", CREATE))
                .as("create requests over both exports")
                .hasSize(1);
        assertThat(sandbox.employees().stream().filter(e -> "marta@example.com".equals(e.get("email"))))
                .as("employees with Marta's e-mail")
                .hasSize(1);
    }

    @Test
    void duplicateDetectionIgnoresCaseAndMatchesTheLoginEmail() {
        // Seed employee 4 (Lucia Fernandez) logs in as lfernandez@..., unlike her e-mail lucia.fernandez@...
        HrisConnection connection = verified();
        EmployeeDraft draft = connection.draftFor(
                Candidates.named("ats-900", "Lucía", "FERNANDEZ", "LFernandez@ACME-Robotics.example"));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome())
                .as("a candidate with an employee's name (other case, accent) and login e-mail (other case)")
                .isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(result.employeeId()).as("the matched employee").isEqualTo("4");
        assertThat(requests(sandbox, "POST", CREATE)).as("create requests").isEmpty();
        assertThat(connection.findExisting(draft))
                .as("findExisting names the e-mail that matched")
                .hasValueSatisfying(
                        existing -> assertThat(existing.email()).isEqualTo("lfernandez@acme-robotics.example"));
    }

    @Test
    void findExistingFindsTheEmployeeByItsReferenceWhenTheEmailChanged() {
        HrisConnection connection = verified();
        ExportResult created = connection.export(martaWithChoices(connection));
        EmployeeDraft sameCandidateNewEmail = martaWithChoices(connection)
                .withValues(Map.of(DraftKeys.PERSONAL_EMAIL, "marta.garcia@another.example"));

        assertThat(connection.findExisting(sameCandidateNewEmail))
                .as("found by the reference in the custom field")
                .hasValueSatisfying(
                        existing -> assertThat(existing.employeeId()).isEqualTo(created.employeeId()));
        assertThat(connection.export(sameCandidateNewEmail).outcome())
                .as("exporting it again")
                .isEqualTo(ExportOutcome.ALREADY_EXISTS);
    }

    @Test
    void theDuplicateLookUpsAreSentSideBySide() {
        HrisConnection connection = verified();
        EmployeeDraft draft = martaWithChoices(connection);
        sandbox.clearRequests();
        // Each look-up is held back a full second: one after the other, the last would arrive two seconds
        // after the first.
        sandbox.inject(Fault.delay(Duration.ofSeconds(1))
                .on("GET", SandboxSettings.EMPLOYEES)
                .times(2));
        sandbox.inject(Fault.delay(Duration.ofSeconds(1)).on("GET", "custom_fields/values"));

        assertThat(connection.findExisting(draft)).as("a new hire").isEmpty();

        List<RecordedRequest> lookups = sandbox.requests();
        assertThat(lookups)
                .extracting(RecordedRequest::query)
                .as("look-ups by e-mail, by name and by the reference")
                .anySatisfy(query -> assertThat(query).contains("emails"))
                .anySatisfy(query -> assertThat(query).contains("full_text_name"))
                .anySatisfy(query -> assertThat(query).contains("value=hirerelay"));
        assertThat(Duration.between(lookups.get(0).at(), lookups.get(2).at()).abs())
                .as("the last look-up arrived while the first was still held back")
                .isLessThan(Duration.ofMillis(900));
    }

    @Test
    void aMatchByReferenceStandsWhenTheLookUpByEmailFails() {
        HrisConnection connection = verified();
        ExportResult created = connection.export(martaWithChoices(connection));
        EmployeeDraft sameCandidate = martaWithChoices(connection);
        sandbox.inject(Fault.status(403).on("GET", SandboxSettings.EMPLOYEES).whenQueryHas(SandboxSettings.BY_EMAIL));

        assertThat(connection.findExisting(sameCandidate))
                .as("found by the reference")
                .hasValueSatisfying(
                        existing -> assertThat(existing.employeeId()).isEqualTo(created.employeeId()));
    }

    @Test
    void aFailedLookUpByReferenceFailsTheCheckWhenTheEmailFoundNobody() {
        HrisConnection connection = verified();
        EmployeeDraft newHire = martaWithChoices(connection);
        sandbox.inject(Fault.status(503).on("GET", "custom_fields/values").times(10));

        assertThatThrownBy(() -> connection.export(newHire))
                .as("an export whose duplicate check is incomplete")
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(requests(sandbox, "POST", CREATE)).as("create requests").isEmpty();
    }

    @Test
    void exportingANewHireCostsTheLookUpsTheCreateAndItsFollowUps() {
        HrisConnection connection = verified();
        EmployeeDraft draft = martaWithChoices(connection);
        sandbox.clearRequests();

        connection.export(draft);

        // Reference data is cached from draftFor and the company id and the reference field come from
        // verify: three look-ups side by side, the create, the reference, the personal e-mail, and job
        // title and salary on the contract version the create made.
        assertThat(sandbox.requests())
                .extracting(r -> r.method() + " " + r.resource().replaceAll("/\\d+$", "/{id}"))
                .as("requests of one export of a new hire with job title and salary")
                .containsExactlyInAnyOrder(
                        "GET employees/employees",
                        "GET employees/employees",
                        "GET custom_fields/values",
                        "POST " + CREATE,
                        "POST custom_fields/values",
                        "PUT employees/employees/{id}",
                        "GET contracts/reference_contracts",
                        "PUT contracts/contract_versions/{id}");
    }

    @Test
    void anUnverifiedConnectionReadsTheCompanyIdBeforeCreating() {
        HrisConnection connection = open(forSandbox(sandbox));

        ExportResult result = connection.export(martaWithChoices(connection));

        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
        assertThat(requests(sandbox, "GET", "api_public/credentials"))
                .as("credentials read for the company id")
                .hasSize(1);
        assertThat(json(requests(sandbox, "POST", CREATE).get(0).body())
                        .get("company_id")
                        .asText())
                .as("company id sent")
                .isEqualTo("55");
    }

    @Test
    void aChoiceFactorialDoesNotOfferIsRefusedBeforeAnythingIsSent() {
        HrisConnection connection = verified();
        EmployeeDraft draft = martaWithChoices(connection).withValues(Map.of(DraftKeys.TEAM_ID, "999"));

        assertThatThrownBy(() -> connection.export(draft))
                .as("export with an unknown team")
                .isInstanceOfSatisfying(
                        com.hirerelay.api.ValidationFailedException.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .extracting(com.hirerelay.api.FieldError::field)
                                .as("fields in error")
                                .containsExactly(DraftKeys.TEAM_ID));
        assertThat(sandbox.requests())
                .as("requests after the draft was built")
                .noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void aTerminatedEmployeeWithTheEmailIsStillAnExistingEmployee() {
        // The last seed employee (12, Irene Castro) is terminated.
        HrisConnection connection = verified();
        EmployeeDraft draft = connection.draftFor(
                Candidates.named("ats-12", "Irene", "Castro", "irene.castro@acme-robotics.example"));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome())
                .as("outcome for a former employee's e-mail")
                .isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(result.employeeId()).as("employee").isEqualTo("12");
    }

    @Test
    void twoConcurrentExportsOfOneCandidateCreateOneEmployee() throws Exception {
        HrisConnection connection = verified();
        EmployeeDraft draft = martaWithChoices(connection);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.Future<Object>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(threads.submit(() -> {
                    start.await();
                    try {
                        return connection.export(draft);
                    } catch (RuntimeException failure) {
                        return failure;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<Object> one : both) {
                outcomes.add(one.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(sandbox.employees().stream().filter(e -> "marta@example.com".equals(e.get("email"))))
                    .as("employees with Marta's e-mail after two concurrent exports: %s", outcomes)
                    .hasSize(1);
            // The host runs one export per candidate at a time; if two race anyway, the loser gets Factorial's
            // "Email has already been taken" on the email field (or ALREADY_EXISTS when it looked after the create).
            assertThat(outcomes)
                    .as("at least one export reports the employee as created")
                    .anySatisfy(outcome -> assertThat(outcome)
                            .isInstanceOfSatisfying(
                                    ExportResult.class,
                                    result -> assertThat(result.outcome()).isEqualTo(ExportOutcome.CREATED)));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anEmailWithAPlusAndAnIdentifierWithSymbolsAreFoundAgain() {
        HrisConnection connection = verified();
        com.hirerelay.api.candidate.Candidate candidate = Candidates.minimal("ats/47 11&x=1+2", "ana+hr@example.com");
        EmployeeDraft draft = connection.draftFor(candidate);

        ExportResult first = connection.export(draft);
        ExportResult again = connection.export(draft);
        EmployeeDraft otherEmail = draft.withValues(Map.of(DraftKeys.PERSONAL_EMAIL, "noa.other@example.com"));

        assertThat(again.outcome()).as("second export of ana+hr@").isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(again.employeeId()).as("employee").isEqualTo(first.employeeId());
        assertThat(connection.findExisting(otherEmail))
                .as("found by the reference of a candidate id with / space & = +")
                .hasValueSatisfying(
                        existing -> assertThat(existing.employeeId()).isEqualTo(first.employeeId()));
    }

    @Test
    void nonAsciiNamesArriveIntact() {
        HrisConnection connection = verified();
        EmployeeDraft draft = connection
                .draftFor(Candidates.minimal("ats-77", "jose@example.com"))
                .withValues(Map.of(DraftKeys.FIRST_NAME, "José Ñandú", DraftKeys.LAST_NAME, "Müller-Çelik 日本"));

        ExportResult result = connection.export(draft);

        Map<String, Object> stored = sandbox.employeeByEmail("jose@example.com").orElseThrow();
        assertThat(stored.get("full_name")).as("full name stored").isEqualTo("José Ñandú Müller-Çelik 日本");
        assertThat(connection.findExisting(draft))
                .as("found again")
                .hasValueSatisfying(
                        existing -> assertThat(existing.fullName()).isEqualTo("José Ñandú Müller-Çelik 日本"));
        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
    }

    @Test
    void aCreateAnsweredWith201AndAWrappedRecordIsCreated() {
        HrisConnection connection = verified();
        EmployeeDraft draft = martaWithChoices(connection);
        sandbox.inject(
                com.hirerelay.sandbox.Fault.status(201, "{\"data\":{\"id\":4242,\"full_name\":\"Marta Garcia\"}}")
                        .on("POST", CREATE));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).as("outcome of a 201").isEqualTo(ExportOutcome.CREATED);
        assertThat(result.employeeId()).as("id from data").isEqualTo("4242");
    }
}
