package com.hirerelay.host.mapping;

/**
 * What mapping rules may look at of a candidate's job.
 *
 * @param jobId the job's id, or null when the candidate has no job
 * @param jobName its name, or null
 * @param department its department, or null
 * @param location its location, or null
 */
public record JobFacts(Long jobId, String jobName, String department, String location) {

    /** A candidate without a job: only defaults apply. */
    public static final JobFacts NONE = new JobFacts(null, null, null, null);
}
