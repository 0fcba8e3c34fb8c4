package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The endpoint labels of the requests reported to the host: ids never become part of a label. */
class RequestReportsTest {

    @Test
    void aNumericIdBecomesAPlaceholder() {
        assertThat(RequestReports.endpoint("employees/employees/42"))
                .as("a record's id is replaced")
                .isEqualTo("employees/employees/{id}");
        assertThat(RequestReports.endpoint("contracts/contract_versions/7/"))
                .as("a trailing slash makes no empty segment")
                .isEqualTo("contracts/contract_versions/{id}");
    }

    @Test
    void aUuidLikeIdBecomesAPlaceholderButAShortHexWordStays() {
        assertThat(RequestReports.endpoint("documents/documents/3f2b9c1e-6a7d-4e0b-9c1a-2b3c4d5e6f70"))
                .as("a UUID is an id")
                .isEqualTo("documents/documents/{id}");
        assertThat(RequestReports.endpoint("teams/teams/deadbeef"))
                .as("fewer than 16 hexadecimal characters are a word, not an id")
                .isEqualTo("teams/teams/deadbeef");
    }

    @Test
    void namedResourcesAndActionsStayAsTheyAre() {
        assertThat(RequestReports.endpoint("employees/employees/create_with_contract"))
                .isEqualTo("employees/employees/create_with_contract");
        assertThat(RequestReports.endpoint("//api_public//credentials"))
                .as("empty segments are dropped")
                .isEqualTo("api_public/credentials");
        assertThat(RequestReports.endpoint("")).as("nothing is the root").isEqualTo("/");
    }
}
