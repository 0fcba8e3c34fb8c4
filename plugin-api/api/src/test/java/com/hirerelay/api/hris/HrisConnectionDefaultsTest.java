package com.hirerelay.api.hris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.Capability;
import com.hirerelay.api.CapabilityNotSupportedException;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.candidate.Candidate;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HrisConnectionDefaultsTest {

    private static final ExistingEmployee ANA = new ExistingEmployee("12", "Ana Ruiz", "ana@example.com", null);
    private static final EmployeeDraft DRAFT =
            new EmployeeDraft("7", List.of(DraftField.of("email", "E-mail", DraftFieldType.EMAIL)));

    /** A 1.0 connector: findExisting and export only. */
    private static final class OldConnection implements HrisConnection {
        final Optional<ExistingEmployee> existing;
        final AtomicInteger exports = new AtomicInteger();

        OldConnection(Optional<ExistingEmployee> existing) {
            this.existing = existing;
        }

        @Override
        public ConnectedAccount verify() {
            return new ConnectedAccount("x", null, null);
        }

        @Override
        public ReferenceData referenceData() {
            return ReferenceData.EMPTY;
        }

        @Override
        public EmployeeDraft draftFor(Candidate candidate) {
            return DRAFT;
        }

        @Override
        public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
            return existing;
        }

        @Override
        public ExportResult export(EmployeeDraft draft) {
            exports.incrementAndGet();
            return new ExportResult(ExportOutcome.CREATED, "99", null, List.of());
        }
    }

    @Test
    void whatAnOldConnectorFindsIsTheSamePerson() {
        assertThat(new OldConnection(Optional.of(ANA)).findMatch(DRAFT)).hasValueSatisfying(match -> {
            assertThat(match.confidence()).isEqualTo(MatchConfidence.SAME_PERSON);
            assertThat(match.employee()).isEqualTo(ANA);
        });
    }

    @Test
    void linkingTheEmployeeFoundLinksWithoutExporting() {
        OldConnection connection = new OldConnection(Optional.of(ANA));

        ExportResult result = connection.export(DRAFT, MatchDecision.link("12"));

        assertThat(result.outcome()).isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(connection.exports).as("nothing sent").hasValue(0);
    }

    @Test
    void linkingAnEmployeeNoLongerFoundFallsBackToTheOrdinaryExport() {
        OldConnection connection = new OldConnection(Optional.empty());

        assertThat(connection.export(DRAFT, MatchDecision.link("12")).outcome()).isEqualTo(ExportOutcome.CREATED);
        assertThat(connection.exports).hasValue(1);
    }

    @Test
    void aConnectorWithoutCapabilitiesDeclaresNoneAndRefusesADocumentClearly() {
        OldConnection connection = new OldConnection(Optional.empty());
        CandidateDocument cv = new CandidateDocument(
                "1",
                "cv.pdf",
                "application/pdf",
                DocumentKind.CV,
                4,
                "0".repeat(64),
                () -> new ByteArrayInputStream(new byte[] {'%', 'P', 'D', 'F'}));

        assertThat(connection.capabilities())
                .as("capabilities of a connector that declares none")
                .isEmpty();
        assertThatThrownBy(() -> connection.uploadDocument("12", cv))
                .as("an upload on a connection without DOCUMENTS is refused with the hierarchy's type")
                .isInstanceOf(HrisException.class)
                .isInstanceOfSatisfying(
                        CapabilityNotSupportedException.class,
                        refused -> assertThat(refused.capability()).isEqualTo(Capability.DOCUMENTS))
                .hasMessageContaining("does not upload documents");
    }

    @Test
    void aConnectorWithoutFollowUpStepsHasNoneToRecordAndCannotResumeOne() {
        OldConnection connection = new OldConnection(Optional.empty());
        FollowUpStep step = new FollowUpStep("contract-version", "Set job title and salary");

        assertThat(connection.followUpSteps(DRAFT)).isEmpty();
        assertThatThrownBy(() -> connection.resumeFollowUp(step, "99", DRAFT))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Set job title and salary");
    }

    @Test
    void exportingWithAJournalExportsOnceAndTellsTheJournalNothing() {
        OldConnection connection = new OldConnection(Optional.empty());
        List<String> told = new java.util.ArrayList<>();
        ExportJournal journal = new ExportJournal() {
            @Override
            public void employeeCreated(String employeeId) {
                told.add("created " + employeeId);
            }
        };

        ExportResult result = connection.export(DRAFT, null, journal);

        assertThat(result.employeeId()).isEqualTo("99");
        assertThat(connection.exports).hasValue(1);
        assertThat(told).as("a 1.0 connector reports nothing as it goes").isEmpty();
    }

    @Test
    void aFollowUpStepNeedsAnIdentifierAndALabel() {
        assertThatThrownBy(() -> new FollowUpStep("Contract Version", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowUpStep("invitation", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FollowUpStep("invitation", "Send the invitation").id()).isEqualTo("invitation");
    }
}
