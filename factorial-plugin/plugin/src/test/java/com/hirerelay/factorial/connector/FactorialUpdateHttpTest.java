package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeValues;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.FieldUpdateOutcome;
import com.hirerelay.api.hris.FieldUpdateStatus;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.hris.UpdateRoute;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Updating an exported employee over real HTTP against the sandbox: employee fields and contract versions. */
class FactorialUpdateHttpTest extends SandboxHttpTest {

    private final FactorialConnector connector = new FactorialConnector();

    private HrisConnection verified() {
        HrisConnection first = connector.open(forSandbox(sandbox));
        opened.add(first);
        ConnectedAccount account = first.verify();
        HrisConnection connection = connector.open(forSandbox(sandbox).withAccountAttributes(account.attributes()));
        opened.add(connection);
        return connection;
    }

    private record Exported(HrisConnection connection, EmployeeDraft draft, String employeeId) {}

    private Exported exportedMarta() {
        HrisConnection connection = verified();
        EmployeeDraft draft = connection.draftFor(Candidates.marta());
        String employeeId = connection.export(draft).employeeId();
        sandbox.clearRequests();
        return new Exported(connection, draft, employeeId);
    }

    private static String status(UpdateResult result, String key) {
        return result.fields().stream()
                .filter(field -> field.key().equals(key))
                .map(field -> field.status().name())
                .findFirst()
                .orElse("missing");
    }

    @Test
    void currentValuesReadTheEmployeeAndItsContractInTheDraftsTerms() {
        Exported marta = exportedMarta();

        EmployeeValues values = marta.connection().currentValues(marta.employeeId(), marta.draft());

        assertThat(values.value("first_name")).hasValue("Marta");
        assertThat(values.value("contract_starts_on")).hasValue("2026-09-01");
        assertThat(values.value("job_title")).hasValue("Backend Engineer");
        assertThat(values.value("salary_amount"))
                .as("45000.00 EUR went out as 4500000 cents and reads back in the draft's form")
                .hasValue("45000");
        assertThat(values.value("address_line1")).hasValue("Calle Mayor 1");
        assertThat(values.route("job_title").route()).isEqualTo(UpdateRoute.CONTRACT_FIELD);
        assertThat(values.route("phone_number").route()).isEqualTo(UpdateRoute.EMPLOYEE_FIELD);
        assertThat(values.route("email").route()).isEqualTo(UpdateRoute.READ_ONLY);
        assertThat(values.route("email").reason()).contains("login e-mail");
        assertThat(values.contractFrom()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(sandbox.requests())
                .as("reading changes nothing")
                .allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
    }

    @Test
    void aCorrectionRewritesTheCurrentVersionAndThePersonFieldsGoByEmployeeUpdate() {
        Exported marta = exportedMarta();
        EmployeeDraft edited = marta.draft()
                .withValues(Map.of("contract_starts_on", "2026-09-15", "salary_amount", "48000", "city", "Girona"));

        UpdateResult result = marta.connection()
                .update(
                        marta.employeeId(),
                        edited,
                        List.of(
                                new FieldChange("contract_starts_on", "2026-09-15"),
                                new FieldChange("salary_amount", "48000"),
                                new FieldChange("city", "Girona")),
                        UpdateOptions.correctCurrent());

        assertThat(result.isComplete())
                .as("every field went through: %s", result)
                .isTrue();
        List<Map<String, Object>> versions = sandbox.contractVersions(marta.employeeId());
        assertThat(versions).as("a correction keeps one version").hasSize(1);
        assertThat(versions.get(0))
                .containsEntry("starts_on", "2026-09-15")
                .containsEntry("effective_on", "2026-09-15")
                .containsEntry("job_title", "Backend Engineer");
        assertThat(((Number) versions.get(0).get("salary_amount")).longValue()).isEqualTo(4_800_000L);
        Map<String, Object> employee =
                sandbox.employeeByEmail("marta@example.com").orElseThrow();
        assertThat(employee).containsEntry("city", "Girona").containsEntry("first_name", "Marta");
        assertThat(sandbox.requests().stream()
                        .filter(request -> !request.method().equals("GET"))
                        .map(RecordedRequest::resource)
                        .toList())
                .as("one employee update and one contract version update, nothing else written")
                .containsExactlyInAnyOrder(
                        "employees/employees/" + marta.employeeId(),
                        "contracts/contract_versions/" + versions.get(0).get("id"));
    }

    @Test
    void aNewVersionFromADateKeepsTheOldOneAndIsNotMadeTwice() {
        Exported marta = exportedMarta();
        EmployeeDraft edited = marta.draft().withValues(Map.of("salary_amount", "50000", "job_title", "Lead"));
        List<FieldChange> changes =
                List.of(new FieldChange("salary_amount", "50000"), new FieldChange("job_title", "Lead"));
        UpdateOptions raise = UpdateOptions.newVersionFrom(LocalDate.of(2027, 1, 1));

        UpdateResult first = marta.connection().update(marta.employeeId(), edited, changes, raise);
        UpdateResult again = marta.connection().update(marta.employeeId(), edited, changes, raise);

        assertThat(first.isComplete()).as("%s", first).isTrue();
        assertThat(again.isComplete()).as("%s", again).isTrue();
        List<Map<String, Object>> versions = sandbox.contractVersions(marta.employeeId());
        assertThat(versions)
                .as("the old version stays as history; sending twice made one new version")
                .hasSize(2);
        assertThat(versions.get(0)).containsEntry("job_title", "Backend Engineer");
        assertThat(versions.get(1))
                .containsEntry("effective_on", "2027-01-01")
                .containsEntry("starts_on", "2026-09-01")
                .containsEntry("job_title", "Lead")
                .containsEntry("salary_frequency", "yearly");
        assertThat(((Number) versions.get(1).get("salary_amount")).longValue()).isEqualTo(5_000_000L);
    }

    @Test
    void theLoginEmailIsReadOnlyWithItsReasonAndNotSent() {
        Exported marta = exportedMarta();
        EmployeeDraft edited = marta.draft().withValues(Map.of("email", "marta.garcia@example.com"));

        UpdateResult result = marta.connection()
                .update(
                        marta.employeeId(),
                        edited,
                        List.of(new FieldChange("email", "marta.garcia@example.com")),
                        UpdateOptions.correctCurrent());

        FieldUpdateOutcome email = result.fields().get(0);
        assertThat(email.status()).isEqualTo(FieldUpdateStatus.READ_ONLY);
        assertThat(email.message()).contains("Change it in Factorial");
        assertThat(sandbox.requests())
                .as("nothing is written for a read-only field")
                .allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
    }

    @Test
    void aMalformedChangeRefusesTheWholeUpdateBeforeAnythingIsSent() {
        Exported marta = exportedMarta();
        EmployeeDraft edited = marta.draft().withValues(Map.of("contract_starts_on", "15/09/2026"));

        assertThatThrownBy(() -> marta.connection()
                        .update(
                                marta.employeeId(),
                                edited,
                                List.of(
                                        new FieldChange("contract_starts_on", "15/09/2026"),
                                        new FieldChange("city", "Girona")),
                                UpdateOptions.correctCurrent()))
                .isInstanceOf(ValidationFailedException.class)
                .satisfies(refused -> assertThat(((ValidationFailedException) refused).fieldErrors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("contract_starts_on")));
        assertThat(sandbox.requests())
                .allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
    }

    @Test
    void aRefusedContractChangeFailsItsFieldsAndTheEmployeeFieldsStillGo() {
        Exported marta = exportedMarta();
        sandbox.inject(Fault.status(422, "{\"errors\":{\"job_title\":[\"is locked by payroll\"]}}")
                .on("PUT", "contracts/contract_versions"));
        EmployeeDraft edited = marta.draft().withValues(Map.of("city", "Girona", "job_title", "Lead"));

        UpdateResult result = marta.connection()
                .update(
                        marta.employeeId(),
                        edited,
                        List.of(new FieldChange("city", "Girona"), new FieldChange("job_title", "Lead")),
                        UpdateOptions.correctCurrent());

        assertThat(status(result, "city")).isEqualTo("UPDATED");
        assertThat(status(result, "job_title")).isEqualTo("FAILED");
        assertThat(result.fields().get(1).message()).contains("Factorial refused it");
        assertThat(sandbox.employeeByEmail("marta@example.com").orElseThrow()).containsEntry("city", "Girona");
        assertThat(sandbox.contractVersions(marta.employeeId()).get(0))
                .as("the refused title did not change")
                .containsEntry("job_title", "Backend Engineer");
    }

    @Test
    void anEmployeeThatNoLongerExistsIsRefusedWith404() {
        HrisConnection connection = verified();
        EmployeeDraft draft = connection.draftFor(Candidates.marta());

        assertThatThrownBy(() -> connection.currentValues("999999", draft))
                .isInstanceOf(RemoteRejectedException.class)
                .satisfies(refused ->
                        assertThat(((RemoteRejectedException) refused).status()).isEqualTo(404));
    }
}
