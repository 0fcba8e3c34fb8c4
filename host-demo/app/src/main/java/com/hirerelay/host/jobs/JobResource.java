package com.hirerelay.host.jobs;

import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateRepository;
import com.hirerelay.host.candidates.CandidateViews;
import com.hirerelay.host.candidates.StoredCandidate;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Jobs tab and a job's Pipeline tab.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobResource {

    /** The most cards a pipeline column shows; the column's total says how many there are. */
    public static final int CARDS_PER_STAGE = 50;

    private final JobRepository jobs;
    private final CandidateRepository candidates;
    private final CandidateViews views;

    public JobResource(JobRepository jobs, CandidateRepository candidates, CandidateViews views) {
        this.jobs = jobs;
        this.candidates = candidates;
        this.views = views;
    }

    /** A pipeline column. */
    public record Column(
            long id, String name, int position, boolean hired, long total, List<CandidateViews.Row> candidates) {}

    /** A job's pipeline. */
    public record Pipeline(Job job, List<Column> stages) {}

    @GET
    public List<JobRepository.JobSummary> list(@Context SecurityContext security) {
        Access.user(security);
        return jobs.list();
    }

    @GET
    @Path("{id}")
    public Job job(@PathParam("id") String id, @Context SecurityContext security) {
        Access.user(security);
        return find(id);
    }

    @GET
    @Path("{id}/pipeline")
    public Pipeline pipeline(@PathParam("id") String id, @Context SecurityContext security) {
        User user = Access.user(security);
        Job job = find(id);
        // One statement each for every column's total, cards, and the cards' exports: per column they were four
        // (a pipeline of five stages, twenty statements).
        List<Long> stageIds = job.stages().stream().map(Job.Stage::id).toList();
        Set<Long> hiredStages = job.stages().stream()
                .filter(Job.Stage::hired)
                .map(Job.Stage::id)
                .collect(Collectors.toSet());
        Map<Long, Long> totals = candidates.countsInStages(stageIds);
        List<StoredCandidate> cards = candidates.inStages(stageIds, CARDS_PER_STAGE).values().stream()
                .flatMap(List::stream)
                .toList();
        Map<Long, List<CandidateViews.Row>> rowsByStage = views
                .rowsAt(
                        cards,
                        card -> hiredStages.contains(card.stageId()) ? MenuPlacement.PIPELINE_HIRED_STAGE : null,
                        user)
                .stream()
                .collect(Collectors.groupingBy(row -> row.stage().id()));
        List<Column> columns = job.stages().stream()
                .map(stage -> new Column(
                        stage.id(),
                        stage.name(),
                        stage.position(),
                        stage.hired(),
                        totals.getOrDefault(stage.id(), 0L),
                        rowsByStage.getOrDefault(stage.id(), List.of())))
                .toList();
        return new Pipeline(job, columns);
    }

    private Job find(String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new RequestRefusedException(Reason.NOT_FOUND, "There is no job " + id + ".");
        }
        return jobs.find(number)
                .orElseThrow(() -> new RequestRefusedException(Reason.NOT_FOUND, "There is no job " + id + "."));
    }
}
