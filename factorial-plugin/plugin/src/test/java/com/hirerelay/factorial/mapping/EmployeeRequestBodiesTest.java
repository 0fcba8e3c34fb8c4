package com.hirerelay.factorial.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.factorial.testing.Candidates;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmployeeRequestBodiesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static EmployeeDraft draft() {
        return new EmployeeDraftFactory(Map.of(), true)
                .draftFor(Candidates.marta(), ReferenceData.EMPTY)
                .withValues(Map.of(
                        "legal_entity_id",
                        "7",
                        "location_id",
                        "3",
                        "team_id",
                        "9",
                        "manager_id",
                        "12",
                        "gender",
                        "female"));
    }

    @Test
    void writesTheFlatCreateWithContractBody() throws Exception {
        JsonNode body = new EmployeeRequestBodies(false).createWithContract(draft(), "55", null);

        assertThat(MAPPER.readTree(body.toString()))
                .as("no company_identifier: the employee number is left alone")
                .isEqualTo(MAPPER.readTree("""
                {"company_id":55,"first_name":"Marta","last_name":"Garcia","email":"marta@example.com",
                 "phone_number":"+34600000000","gender":"female","birthday_on":"1995-02-14",
                 "address_line1":"Calle Mayor 1","postal_code":"08001","city":"Barcelona",
                 "contract_starts_on":"2026-09-01","contract_effective_on":"2026-09-01",
                 "nationality":"ES","country":"ES","legal_entity_id":7,"location_id":3,"team_id":9,"manager_id":12}
                """));
        assertThat(body.has("address_line_1"))
                .as("the request spells address_line1 without the underscore")
                .isFalse();
        assertThat(body.has("job_title"))
                .as("job title goes on the contract version, not the create")
                .isFalse();
    }

    @Test
    void writesIdsAsStringsFromJuly2026() {
        JsonNode body = new EmployeeRequestBodies(true).createWithContract(draft(), "18446744073709551", null);

        assertThat(body.get("company_id").isTextual()).isTrue();
        assertThat(body.get("company_id").asText()).isEqualTo("18446744073709551");
        assertThat(body.get("legal_entity_id").asText()).isEqualTo("7");
        assertThat(body.get("legal_entity_id").isTextual()).isTrue();
    }

    @Test
    void writesTheNamespacedReferenceAsCompanyIdentifierOnlyWhenAsked() {
        JsonNode body = new EmployeeRequestBodies(false)
                .createWithContract(
                        draft(), "55", com.hirerelay.factorial.identity.AtsReference.of("acme", "ats-4711"));

        assertThat(body.get("company_identifier").asText()).isEqualTo("hirerelay:acme:ats-4711");
    }

    @Test
    void theLoginEmailFallsBackToThePersonalEmailWhichCreatingNeeds() {
        EmployeeDraft personalOnly = draft().withValues(Map.of("email", "", "personal_email", "m@home.example"));

        assertThat(new EmployeeRequestBodies(false)
                        .createWithContract(personalOnly, "55", null)
                        .get("email")
                        .asText())
                .isEqualTo("m@home.example");
    }

    @Test
    void writesJobTitleAndSalaryInCentsOnTheContractVersionTheCreateMade() throws Exception {
        JsonNode body = new EmployeeRequestBodies(false)
                .contractVersionUpdate(draft().withValues(Map.of("salary_amount", "45000.505")), "812");

        assertThat(MAPPER.readTree(body.toString())).isEqualTo(MAPPER.readTree("""
                {"id":812,"job_title":"Backend Engineer","salary_amount":4500051,"salary_frequency":"yearly"}
                """));
    }

    @Test
    void writesTheInvitation() throws Exception {
        assertThat(MAPPER.readTree(new EmployeeRequestBodies(false)
                        .invitation("4711", "55")
                        .toString()))
                .isEqualTo(MAPPER.readTree("{\"id\":4711,\"company_id\":55}"));
    }

    @Test
    void needsAContractVersionOnlyForJobTitleOrSalary() {
        EmployeeRequestBodies bodies = new EmployeeRequestBodies(false);

        assertThat(bodies.needsContractVersion(draft())).isTrue();
        assertThat(bodies.needsContractVersion(
                        draft().withValues(Map.of("job_title", "", "salary_amount", "", "salary_frequency", ""))))
                .isFalse();
    }
}
