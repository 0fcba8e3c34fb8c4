package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The documents and folders resources over HTTP, as section 1 of the round-2 API notes describes them. */
class DocumentsTest extends SandboxTest {

    private static final byte[] PDF = "%PDF-1.4\n% a CV\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private String employeeId;

    @BeforeEach
    void fresh() {
        sandbox.reset();
        employeeId = sandbox.addEmployee("Ana", "Ruiz", "ana.ruiz@example.com", null);
    }

    private List<String[]> recipe(String folderId) {
        List<String[]> fields = new ArrayList<>(List.of(
                new String[] {"public", "false"},
                new String[] {"space", "employee_my_documents"},
                new String[] {"is_pending_assignment", "false"},
                new String[] {"author_id", "1"},
                new String[] {"company_id", "55"},
                new String[] {"request_esignature", "false"},
                new String[] {"employee_id", employeeId}));
        if (folderId != null) {
            fields.add(new String[] {"folder_id", folderId});
        }
        return fields;
    }

    @Test
    void aFolderIsCreatedAndFoundByItsExactName() throws Exception {
        HttpResponse<String> created = client.post(
                "documents/folders", Map.of("company_id", 55, "name", "Recruitment", "space", "employee_my_documents"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode found = SandboxClient.json(client.get("documents/folders?name=Recruitment"))
                .get("data");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asText())
                .isEqualTo(SandboxClient.json(created).get("id").asText());
        assertThat(SandboxClient.json(client.get("documents/folders?name=Recruit"))
                        .get("data"))
                .as("the name filter is exact")
                .isEmpty();
    }

    @Test
    void aMultipartUploadIsStoredInTheEmployeesFileWithItsBytes() throws Exception {
        String folderId = SandboxClient.json(client.post(
                        "documents/folders",
                        Map.of("company_id", 55, "name", "Recruitment", "space", "employee_my_documents")))
                .get("id")
                .asText();

        HttpResponse<String> uploaded =
                client.postMultipart("documents/documents", recipe(folderId), "ana-cv.pdf", PDF);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode document = SandboxClient.json(uploaded);
        assertThat(document.get("filename").asText()).isEqualTo("ana-cv.pdf");
        assertThat(document.get("file_size").asInt()).isEqualTo(PDF.length);
        assertThat(document.get("folder_id").asText()).isEqualTo(folderId);
        assertThat(sandbox.documents(employeeId)).hasSize(1);
        assertThat(sandbox.documentBytes(document.get("id").asText()))
                .as("the bytes arrive unchanged")
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PDF));
        JsonNode listed = SandboxClient.json(client.get("documents/documents?employee_ids[]=" + employeeId
                        + "&folder_id=" + folderId + "&by_pending_assignment=false&by_trash_bin=false"))
                .get("data");
        assertThat(listed).hasSize(1);
    }

    @Test
    void anUploadWithoutARequiredPartIsRefusedAndStoresNothing() throws Exception {
        List<String[]> fields = recipe(null);
        fields.removeIf(field -> field[0].equals("space"));

        HttpResponse<String> refused = client.postMultipart("documents/documents", fields, "cv.pdf", PDF);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("Space is missing");
        assertThat(sandbox.documents(employeeId)).isEmpty();
    }

    @Test
    void anUploadForAnUnknownEmployeeOrAsJsonIsRefused() throws Exception {
        List<String[]> fields = recipe(null);
        fields.removeIf(field -> field[0].equals("employee_id"));
        fields.add(new String[] {"employee_id", "987654"});

        assertThat(client.postMultipart("documents/documents", fields, "cv.pdf", PDF)
                        .statusCode())
                .isEqualTo(422);
        assertThat(client.post("documents/documents", Map.of("space", "company_internal"))
                        .statusCode())
                .as("the upload is multipart only")
                .isEqualTo(415);
    }

    @Test
    void listingDocumentsNeedsTheTwoRequiredFilters() throws Exception {
        HttpResponse<String> refused = client.get("documents/documents?employee_ids[]=" + employeeId);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("by_pending_assignment");
    }
}
