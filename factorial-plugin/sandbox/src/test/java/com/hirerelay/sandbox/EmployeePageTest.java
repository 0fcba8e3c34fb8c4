package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmployeePageTest extends SandboxTest {

    @BeforeEach
    void fresh() {
        sandbox.reset();
    }

    @Test
    void anEmployeePageAnswers200WithNameEmailAndContractVersions() throws Exception {
        String id = sandbox.addEmployee("Ana", "<Ruiz>", "ana@example.com", "A-1");

        HttpResponse<String> page = client.page("/employees/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .as("the name is escaped, the e-mail and the contract version shown")
                .contains("Ana &lt;Ruiz&gt;", "ana@example.com", "A-1", "contract-version", "Specialist")
                .doesNotContain("<Ruiz>");
    }

    @Test
    void anUnknownEmployeePageIsNotFound() throws Exception {
        assertThat(client.page("/employees/424242").statusCode()).isEqualTo(404);
    }
}
