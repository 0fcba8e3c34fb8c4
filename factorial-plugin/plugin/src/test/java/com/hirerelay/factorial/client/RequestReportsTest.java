package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The endpoint labels of the requests reported to the host: ids never become part of a label. */
class RequestReportsTest {

    /** @return a request path, the label reported for it, and why */
    static Stream<Arguments> paths() {
        return Stream.of(
                arguments("employees/employees/42", "employees/employees/{id}", "a record's id is replaced"),
                arguments(
                        "contracts/contract_versions/7/",
                        "contracts/contract_versions/{id}",
                        "a trailing slash makes no empty segment"),
                arguments(
                        "documents/documents/3f2b9c1e-6a7d-4e0b-9c1a-2b3c4d5e6f70",
                        "documents/documents/{id}",
                        "a UUID is an id"),
                arguments(
                        "teams/teams/deadbeef",
                        "teams/teams/deadbeef",
                        "fewer than 16 hexadecimal characters are a word, not an id"),
                arguments(
                        "employees/employees/create_with_contract",
                        "employees/employees/create_with_contract",
                        "a named action stays"),
                arguments("//api_public//credentials", "api_public/credentials", "empty segments are dropped"),
                arguments("", "/", "nothing is the root"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("paths")
    void theLabelKeepsNamesAndReplacesIds(String path, String label, String why) {
        assertThat(RequestReports.endpoint(path)).as(why).isEqualTo(label);
    }
}
