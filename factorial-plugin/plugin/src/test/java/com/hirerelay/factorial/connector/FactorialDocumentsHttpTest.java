package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static com.hirerelay.factorial.testing.SandboxSettings.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.Capability;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.DocumentKind;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.UploadedDocument;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.Fault;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents uploaded into the employee's file over real HTTP against the sandbox's multipart endpoint. */
class FactorialDocumentsHttpTest extends SandboxHttpTest {

    private static final String DOCUMENTS = "documents/documents";

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

    private static CandidateDocument pdf(String name, String text) throws Exception {
        byte[] bytes = ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new CandidateDocument(
                "d-" + name,
                name,
                "application/pdf",
                DocumentKind.CV,
                bytes.length,
                sha,
                () -> new ByteArrayInputStream(bytes));
    }

    private String exportedEmployee(HrisConnection connection) {
        return connection.export(connection.draftFor(Candidates.marta())).employeeId();
    }

    @Test
    void aDocumentLandsInTheRecruitmentFolderOfTheEmployeeWithItsBytes() throws Exception {
        HrisConnection connection = verified();
        String employeeId = exportedEmployee(connection);
        CandidateDocument cv = pdf("marta-cv.pdf", "Marta's CV");

        UploadedDocument uploaded = connection.uploadDocument(employeeId, cv);

        assertThat(connection.capabilities())
                .containsExactlyInAnyOrder(Capability.DOCUMENTS, Capability.UPDATE_EMPLOYEE);
        assertThat(uploaded.alreadyPresent()).isFalse();
        assertThat(sandbox.folders())
                .as("the Recruitment folder, created because the account had none")
                .singleElement()
                .satisfies(folder -> assertThat(folder.get("name")).isEqualTo("Recruitment"));
        Map<String, Object> stored = sandbox.documents(employeeId).get(0);
        assertThat(stored.get("filename")).isEqualTo("marta-cv.pdf");
        assertThat(String.valueOf(stored.get("folder_id")))
                .isEqualTo(String.valueOf(sandbox.folders().get(0).get("id")));
        assertThat(stored.get("space")).isEqualTo("employee_my_documents");
        assertThat(stored.get("public")).isEqualTo(false);
        assertThat(String.valueOf(stored.get("author_id")))
                .as("without a configured author, the employee's own access id")
                .isEqualTo(String.valueOf(sandbox.employees().stream()
                        .filter(e -> String.valueOf(e.get("id")).equals(employeeId))
                        .findFirst()
                        .orElseThrow()
                        .get("access_id")));
        byte[] expected;
        try (var in = cv.content().open()) {
            expected = in.readAllBytes();
        }
        assertThat(sandbox.documentBytes(uploaded.remoteId()))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(expected));
    }

    @Test
    void theSameDocumentTwiceIsUploadedOnceAndTheFolderCreatedOnce() throws Exception {
        HrisConnection connection = verified();
        String employeeId = exportedEmployee(connection);
        CandidateDocument cv = pdf("marta-cv.pdf", "Marta's CV");

        UploadedDocument first = connection.uploadDocument(employeeId, cv);
        UploadedDocument second = connection.uploadDocument(employeeId, cv);
        connection.uploadDocument(employeeId, pdf("offer.pdf", "Signed offer"));

        assertThat(second.alreadyPresent()).isTrue();
        assertThat(second.remoteId()).isEqualTo(first.remoteId());
        assertThat(sandbox.documents(employeeId)).hasSize(2);
        assertThat(requests(sandbox, "POST", "documents/folders"))
                .as("folder creations")
                .hasSize(1);
    }

    @Test
    void theFolderTheAdminNamedIsUsedWhenItExists() throws Exception {
        HrisConnection connection = verified("documents_folder", "Hiring files");
        String employeeId = exportedEmployee(connection);

        connection.uploadDocument(employeeId, pdf("cv.pdf", "x"));

        assertThat(sandbox.folders())
                .singleElement()
                .satisfies(folder -> assertThat(folder.get("name")).isEqualTo("Hiring files"));
        assertThat(sandbox.documents(employeeId)).hasSize(1);
    }

    @Test
    void anUploadWhoseAnswerWasLostIsFoundAndNotSentAgain() throws Exception {
        HrisConnection connection = verified();
        String employeeId = exportedEmployee(connection);
        sandbox.inject(Fault.lostResponse().on("POST", DOCUMENTS));

        UploadedDocument settled = connection.uploadDocument(employeeId, pdf("cv.pdf", "lost"));
        UploadedDocument again = connection.uploadDocument(employeeId, pdf("cv.pdf", "lost"));

        assertThat(settled.alreadyPresent())
                .as("stored by this call, found by the look after")
                .isFalse();
        assertThat(again.alreadyPresent()).isTrue();
        assertThat(sandbox.documents(employeeId)).hasSize(1);
        assertThat(requests(sandbox, "POST", DOCUMENTS)).as("uploads sent").hasSize(1);
    }

    @Test
    void anUploadFactorialFailsIsReportedAndStoresNothing() throws Exception {
        HrisConnection connection = verified();
        String employeeId = exportedEmployee(connection);
        sandbox.inject(Fault.status(503).on("POST", DOCUMENTS));

        assertThatThrownBy(() -> connection.uploadDocument(employeeId, pdf("cv.pdf", "down")))
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("cv.pdf");
        assertThat(sandbox.documents(employeeId)).isEmpty();
        assertThat(connection.uploadDocument(employeeId, pdf("cv.pdf", "down")).alreadyPresent())
                .as("the retry sends it")
                .isFalse();
        assertThat(sandbox.documents(employeeId)).hasSize(1);
    }
}
