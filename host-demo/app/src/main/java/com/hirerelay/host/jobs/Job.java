package com.hirerelay.host.jobs;

import java.util.List;

/**
 * A job opening and its pipeline.
 *
 * @param id the job's id
 * @param name its title
 * @param department the department, or null
 * @param location where, or null
 * @param stages the pipeline, in order; the last one is usually the Hired stage
 */
public record Job(long id, String name, String department, String location, List<Stage> stages) {

    public Job {
        stages = List.copyOf(stages);
    }

    /**
     * A pipeline stage.
     *
     * @param id the stage's id
     * @param name its name
     * @param position its place, from 1
     * @param hired whether reaching it means the candidate is hired
     */
    public record Stage(long id, String name, int position, boolean hired) {}
}
