package com.hirerelay.host.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.hris.FollowUpStep;
import com.hirerelay.host.testing.RunningHostExtension;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the journal knows of the steps it wrote: the export's last records leave out the UPDATE of pending steps
 * only when every planned step of the connector was written off pending, so a write that failed must not count.
 */
class AttemptJournalTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    static final FollowUpStep JOB = new FollowUpStep("job-title", "Job title");
    static final FollowUpStep INVITE = new FollowUpStep("invitation", "Invitation");
    static final FollowUpStep CV = new FollowUpStep(DocumentSteps.STEP_PREFIX + "1", "CV");

    private long begin(int candidateIndex, ExportAttemptRepository attempts, List<FollowUpStep> planned) {
        return attempts.begin(
                        host.hiredCandidateId(candidateIndex),
                        "Ana García",
                        "factorial",
                        "Factorial",
                        1L,
                        "Recruiter",
                        Map.of(),
                        List.of(),
                        planned,
                        Instant.now())
                .orElseThrow();
    }

    @Test
    void everyPlannedStepCountsAsWrittenOnceTheJournalCommittedAWriteOfIt() {
        ExportAttemptRepository attempts = new ExportAttemptRepository(host.jdbi(), "test");
        ExportStepRepository steps = new ExportStepRepository(host.jdbi());
        List<FollowUpStep> planned = List.of(JOB, INVITE, CV);
        long attemptId = begin(0, attempts, planned);
        AttemptJournal journal = new AttemptJournal(attemptId, planned, attempts, steps, Clock.systemUTC());

        journal.employeeCreated("emp-1");
        journal.stepStarted(JOB);
        journal.stepDone(JOB);
        assertThat(journal.recordedEveryPlannedStep())
                .as("the invitation was not reported: it is still pending")
                .isFalse();

        journal.stepFailed(INVITE, "The HR system refused it");
        assertThat(journal.recordedEveryPlannedStep())
                .as("both connector steps written; the host's document step is not the connector's to report")
                .isTrue();
        assertThat(steps.forAttempts(List.of(attemptId)).get(attemptId))
                .as("what the journal wrote is in the database")
                .extracting(FollowUpRecord::stepId, FollowUpRecord::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JOB.id(), FollowUpState.DONE),
                        org.assertj.core.groups.Tuple.tuple(INVITE.id(), FollowUpState.FAILED),
                        org.assertj.core.groups.Tuple.tuple(CV.id(), FollowUpState.PENDING));
    }

    @Test
    void aStepWhoseWriteFailedStaysToBeSettledWithThePendingOnes() {
        ExportAttemptRepository attempts = new ExportAttemptRepository(host.jdbi(), "test");
        List<FollowUpStep> planned = List.of(JOB);
        long attemptId = begin(1, attempts, planned);
        Jdbi unreachable = Jdbi.create(() -> {
            throw new SQLException("The database is unreachable");
        });
        AttemptJournal journal = new AttemptJournal(
                attemptId, planned, attempts, new ExportStepRepository(unreachable), Clock.systemUTC());

        journal.stepDone(JOB);

        assertThat(journal.recordedEveryPlannedStep())
                .as("the write failed (logged, never thrown to the plugin): the step is still pending in the database")
                .isFalse();
        assertThat(new ExportStepRepository(host.jdbi())
                        .forAttempts(List.of(attemptId))
                        .get(attemptId))
                .extracting(FollowUpRecord::state)
                .containsExactly(FollowUpState.PENDING);
    }
}
