package com.hirerelay.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.CandidateStatus;
import com.hirerelay.api.candidate.Offer;
import com.hirerelay.api.candidate.PostalAddress;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.hris.MatchConfidence;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.PossibleMatchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The test kit's checks of match classification (API 1.1): extend it beside {@link HrisPluginContract} for
 * a connector that tells a possible match from the same person.
 * <ul>
 *   <li>an employee the connector exported is found again as {@link MatchConfidence#SAME_PERSON}, with a
 *       reason;</li>
 *   <li>an employee with the candidate's name but another e-mail, or the candidate's e-mail but another
 *       name, is a {@link MatchConfidence#POSSIBLE_MATCH}: never returned by {@code findExisting}, and an
 *       export stops with {@link PossibleMatchException} carrying the match, creating nothing;</li>
 *   <li>when several employees qualify, a same-person match wins and is linked;</li>
 *   <li>the person's decision is applied: "Create new" creates, "Link" links that employee;</li>
 *   <li>a "Link" naming an employee the person was not shown as a match links nothing;</li>
 *   <li>an employee whose own employee number equals the candidate id is no match at all.</li>
 * </ul>
 */
public abstract class HrisMatchContract {

    private final List<HrisConnection> opened = new ArrayList<>();

    /** @return the connector under test */
    protected abstract HrisConnector connector();

    /** @return settings with valid credentials that reach the backend */
    protected abstract ConnectionSettings workingSettings();

    /** @return a way to add employees to the backend */
    protected abstract MatchBackend matchBackend();

    /** @return a verified connection, closed after the test */
    protected final HrisConnection workingConnection() {
        HrisConnection first = connector().open(workingSettings());
        opened.add(first);
        ConnectedAccount account = first.verify();
        HrisConnection verified = connector().open(workingSettings().withAccountAttributes(account.attributes()));
        opened.add(verified);
        return verified;
    }

    @AfterEach
    void closeConnections() {
        opened.forEach(HrisConnection::close);
        opened.clear();
    }

    /** A hired candidate with a unique name and e-mail. */
    private static Candidate candidate(String lastName, String email) {
        String id = "tck-" + UUID.randomUUID().toString().substring(0, 8);
        return new Candidate(
                id,
                "Tck",
                lastName,
                email,
                null,
                CandidateStatus.HIRED,
                null,
                null,
                "Hired",
                null,
                Offer.NONE,
                null,
                null,
                PostalAddress.NONE,
                Map.of());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anExportedCandidateIsFoundAgainAsTheSamePersonWithAReason() {
        HrisConnection connection = workingConnection();
        String unique = unique();
        EmployeeDraft draft = connection.draftFor(candidate("Same " + unique, "same-" + unique + "@example.com"));

        ExportResult created = connection.export(draft);

        assertThat(connection.findMatch(draft)).hasValueSatisfying(match -> {
            assertThat(match.confidence()).as("confidence after our own export").isEqualTo(MatchConfidence.SAME_PERSON);
            assertThat(match.employee().employeeId()).isEqualTo(created.employeeId());
            assertThat(match.reason()).as("a reason people can read").isNotBlank();
        });
    }

    @Test
    void aNamesakeWithAnotherEmailIsAPossibleMatchThatStopsTheExport() {
        HrisConnection connection = workingConnection();
        String unique = unique();
        String namesake =
                matchBackend().addEmployee("Tck", "Namesake " + unique, "other-" + unique + "@example.com", null);
        EmployeeDraft draft = connection.draftFor(candidate("Namesake " + unique, "new-" + unique + "@example.com"));

        assertThat(connection.findMatch(draft)).as("the namesake").hasValueSatisfying(match -> {
            assertThat(match.confidence()).isEqualTo(MatchConfidence.POSSIBLE_MATCH);
            assertThat(match.employee().employeeId()).isEqualTo(namesake);
        });
        assertThat(connection.findExisting(draft))
                .as("findExisting never returns a possible match")
                .isEmpty();
        assertThatThrownBy(() -> connection.export(draft))
                .as("an export without a decision stops")
                .isInstanceOfSatisfying(
                        PossibleMatchException.class,
                        possible -> assertThat(possible.match().employee().employeeId())
                                .isEqualTo(namesake));
        assertThat(connection.findMatch(draft))
                .as("nothing was created: the namesake is still the only candidate")
                .hasValueSatisfying(
                        match -> assertThat(match.employee().employeeId()).isEqualTo(namesake));
    }

    @Test
    void theCandidatesEmailUnderAnotherNameIsAPossibleMatch() {
        HrisConnection connection = workingConnection();
        String unique = unique();
        String email = "shared-" + unique + "@example.com";
        String other = matchBackend().addEmployee("Someone", "Different " + unique, email, null);
        EmployeeDraft draft = connection.draftFor(candidate("Mailbox " + unique, email));

        assertThat(connection.findMatch(draft))
                .as("an employee with the candidate's e-mail but another name")
                .hasValueSatisfying(match -> {
                    assertThat(match.confidence()).isEqualTo(MatchConfidence.POSSIBLE_MATCH);
                    assertThat(match.employee().employeeId()).isEqualTo(other);
                });
        assertThat(connection.findExisting(draft))
                .as("findExisting never returns a possible match")
                .isEmpty();
        assertThatThrownBy(() -> connection.export(draft))
                .as("an export without a decision stops instead of linking someone else's e-mail")
                .isInstanceOf(PossibleMatchException.class);
    }

    @Test
    void aSamePersonMatchWinsOverAPossibleMatch() {
        HrisConnection connection = workingConnection();
        String unique = unique();
        String email = "both-" + unique + "@example.com";
        matchBackend().addEmployee("Tck", "Twice " + unique, "namesake-" + unique + "@example.com", null);
        String same = matchBackend().addEmployee("Tck", "Twice " + unique, email, null);
        EmployeeDraft draft = connection.draftFor(candidate("Twice " + unique, email));

        assertThat(connection.findMatch(draft))
                .as("same name and e-mail beats a namesake")
                .hasValueSatisfying(match -> {
                    assertThat(match.confidence()).isEqualTo(MatchConfidence.SAME_PERSON);
                    assertThat(match.employee().employeeId()).isEqualTo(same);
                });
        ExportResult linked = connection.export(draft);
        assertThat(linked.outcome()).as("the same person is linked").isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(linked.employeeId()).isEqualTo(same);
    }

    @Test
    void createNewAndLinkAreApplied() {
        HrisConnection connection = workingConnection();
        String unique = unique();
        String first = matchBackend().addEmployee("Tck", "Choice " + unique, "a-" + unique + "@example.com", null);
        EmployeeDraft createDraft = connection.draftFor(candidate("Choice " + unique, "b-" + unique + "@example.com"));

        ExportResult created = connection.export(createDraft, MatchDecision.createNew(first));
        assertThat(created.outcome()).as("Create new").isEqualTo(ExportOutcome.CREATED);
        assertThat(created.employeeId()).isNotEqualTo(first);

        String second = matchBackend().addEmployee("Tck", "Link " + unique, "c-" + unique + "@example.com", null);
        EmployeeDraft linkDraft = connection.draftFor(candidate("Link " + unique, "d-" + unique + "@example.com"));
        ExportResult linked = connection.export(linkDraft, MatchDecision.link(second));
        assertThat(linked.outcome()).as("Link").isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(linked.employeeId()).isEqualTo(second);
    }

    @Test
    void aDecisionAboutAnEmployeeThePersonWasNotShownLinksNothing() {
        HrisConnection connection = workingConnection();
        String unique = unique();
        String namesake =
                matchBackend().addEmployee("Tck", "Shown " + unique, "shown-" + unique + "@example.com", null);
        String stranger =
                matchBackend().addEmployee("Other", "Stranger " + unique, "stranger-" + unique + "@example.com", null);
        Candidate candidate = candidate("Shown " + unique, "cand-" + unique + "@example.com");
        EmployeeDraft draft = connection.draftFor(candidate);

        Throwable refused = catchThrowable(() -> connection.export(draft, MatchDecision.link(stranger)));

        assertThat(refused)
                .as("a Link naming an employee that is no match must link nothing: the export stops with the match"
                        + " the person has not seen, or refuses the decision")
                .isInstanceOfAny(PossibleMatchException.class, ValidationFailedException.class);
        if (refused instanceof PossibleMatchException possible) {
            assertThat(possible.match().employee().employeeId())
                    .as("the possible match carried by the exception")
                    .isEqualTo(namesake);
        }
        assertThat(connection.findMatch(draft))
                .as("nothing was created or linked: the namesake is still the only match")
                .hasValueSatisfying(
                        match -> assertThat(match.employee().employeeId()).isEqualTo(namesake));
    }

    @Test
    void anEmployeeNumberEqualToTheCandidateIdIsNoMatch() {
        HrisConnection connection = workingConnection();
        String unique = unique();
        Candidate candidate = candidate("Number " + unique, "n-" + unique + "@example.com");
        matchBackend().addEmployee("Someone", "Else " + unique, "else-" + unique + "@example.com", candidate.id());

        EmployeeDraft draft = connection.draftFor(candidate);

        assertThat(connection.findMatch(draft))
                .as("a bare id in the employee number is not our reference")
                .isEmpty();
        assertThat(connection.export(draft).outcome()).isEqualTo(ExportOutcome.CREATED);
    }
}
