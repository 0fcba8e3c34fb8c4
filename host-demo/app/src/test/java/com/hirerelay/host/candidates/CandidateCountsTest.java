package com.hirerelay.host.candidates;

import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.demo.DemoSeed;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The list's totals and the pipeline's column totals come from counts kept beside the candidates (V46), not from
 * counting the rows: they must equal a count of the rows for every filter, and follow every move.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateCountsTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    ApiClient recruiter;
    List<Long> jobs;

    @BeforeAll
    void seedMoreThanAColumnShows() {
        // 2,000 more over 4 jobs of 5 stages: about 100 a column, more than the 50 cards a column shows
        DemoSeed.addGeneratedCandidates(host.jdbi(), 2_000, 7);
        recruiter = host.signIn(RECRUITER);
        jobs = host.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id FROM jobs ORDER BY id")
                        .mapTo(Long.class)
                        .list());
    }

    private long rowsCounted(String condition, Object... args) {
        return host.jdbi().withHandle(handle -> {
            var query = handle.createQuery("SELECT COUNT(*) FROM candidates" + condition);
            for (int i = 0; i < args.length; i++) {
                query.bind(i, args[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    private long listTotal(String parameters) {
        var answer = recruiter.get("/api/candidates?pageSize=5" + parameters);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("total").asLong();
    }

    private void assertEveryFilterTotalIsTheRowCount() {
        assertThat(listTotal("")).as("all candidates").isEqualTo(rowsCounted(""));
        for (String status : List.of("ACTIVE", "HIRED", "REJECTED", "WITHDRAWN")) {
            assertThat(listTotal("&status=" + status))
                    .as("status %s", status)
                    .isEqualTo(rowsCounted(" WHERE status = ?", status));
            for (long job : jobs) {
                assertThat(listTotal("&status=" + status + "&jobId=" + job))
                        .as("status %s in job %d", status, job)
                        .isEqualTo(rowsCounted(" WHERE status = ? AND job_id = ?", status, job));
            }
        }
        for (long job : jobs) {
            assertThat(listTotal("&jobId=" + job)).as("job %d", job).isEqualTo(rowsCounted(" WHERE job_id = ?", job));
            for (JsonNode column : pipeline(job)) {
                long stage = column.get("id").asLong();
                long inStage = rowsCounted(" WHERE stage_id = ?", stage);
                assertThat(listTotal("&stageId=" + stage)).as("stage %d", stage).isEqualTo(inStage);
                assertThat(column.get("total").asLong())
                        .as("pipeline column %s of job %d", column.get("name"), job)
                        .isEqualTo(inStage);
            }
        }
        assertThat(listTotal("&jobId=0")).as("no job has id 0").isZero();
        assertThat(listTotal("&stageId=-1")).as("no stage has id -1").isZero();
    }

    private JsonNode pipeline(long job) {
        var answer = recruiter.get("/api/jobs/" + job + "/pipeline");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("stages");
    }

    @Test
    void everyFilterTotalAndPipelineColumnTotalIsTheCountOfItsRows() {
        assertEveryFilterTotalIsTheRowCount();
    }

    @Test
    void totalsFollowAMoveToHiredAndBack() {
        Hiring.Pick pick = Hiring.anActiveCandidate(recruiter);
        long hiredBefore = listTotal("&status=HIRED");
        long activeBefore = listTotal("&status=ACTIVE");

        Hiring.moveTo(recruiter, pick.id(), pick.hiredStage());
        assertThat(listTotal("&status=HIRED")).as("one more hired").isEqualTo(hiredBefore + 1);
        assertThat(listTotal("&status=ACTIVE")).as("one fewer active").isEqualTo(activeBefore - 1);
        assertEveryFilterTotalIsTheRowCount();

        Hiring.moveTo(recruiter, pick.id(), pick.earlierStage());
        assertThat(listTotal("&status=HIRED")).as("moved out of Hired again").isEqualTo(hiredBefore);
        assertThat(listTotal("&status=ACTIVE")).isEqualTo(activeBefore);
        assertEveryFilterTotalIsTheRowCount();
    }

    @Test
    void theLastPageAndAPagePastTheEndTellTheTotalOfAListAndOfASearch() {
        long hired = rowsCounted(" WHERE status = ?", "HIRED");
        long matches = rowsCounted(" WHERE search_text LIKE ?", "%example.com%");
        for (var list : List.of(new Object[] {"status=HIRED", hired}, new Object[] {"q=example.com", matches})) {
            long total = (long) list[1];
            var last = recruiter
                    .get("/api/candidates?pageSize=100&" + list[0] + "&page=" + (total / 100 + 1))
                    .json();
            assertThat(last.get("items")).as("the last page of %s", list[0]).hasSize((int) (total % 100));
            assertThat(last.get("total").asLong())
                    .as("the last page of %s", list[0])
                    .isEqualTo(total);
            var past = recruiter
                    .get("/api/candidates?pageSize=100&" + list[0] + "&page=" + (total / 100 + 2))
                    .json();
            assertThat(past.get("items")).as("past the end of %s", list[0]).isEmpty();
            assertThat(past.get("total").asLong())
                    .as("past the end of %s", list[0])
                    .isEqualTo(total);
        }
    }

    @Test
    void eachPipelineColumnShowsItsNewestFiftyCandidatesOfThatStage() {
        for (long job : jobs) {
            for (JsonNode column : pipeline(job)) {
                long stage = column.get("id").asLong();
                List<Long> expected = host.jdbi()
                        .withHandle(handle -> handle.createQuery(
                                        "SELECT id FROM candidates WHERE stage_id = ? ORDER BY id DESC LIMIT 50")
                                .bind(0, stage)
                                .mapTo(Long.class)
                                .list());
                List<Long> shown = new ArrayList<>();
                for (JsonNode card : column.get("candidates")) {
                    assertThat(card.get("stage").get("id").asLong())
                            .as("a card of column %s", column.get("name"))
                            .isEqualTo(stage);
                    shown.add(card.get("id").asLong());
                }
                assertThat(column.get("total").asLong())
                        .as("the seed puts more candidates in column %s than it shows", column.get("name"))
                        .isGreaterThan(50);
                assertThat(shown)
                        .as("column %s of job %d: its newest 50, newest first", column.get("name"), job)
                        .isSortedAccordingTo(Comparator.reverseOrder())
                        .containsExactlyElementsOf(expected);
            }
        }
    }
}
