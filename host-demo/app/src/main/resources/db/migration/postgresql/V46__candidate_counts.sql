-- Exact candidate counts per (job, stage, status), kept by a trigger in the same transaction as the change, so that
-- the candidate list's total and the pipeline's column totals are a sum over a few rows instead of a COUNT over
-- every matching candidate (see sqlite/V46). job_key and stage_key are the ids, 0 for none.
CREATE TABLE candidate_counts (
    job_key   BIGINT NOT NULL,
    stage_key BIGINT NOT NULL,
    status    TEXT   NOT NULL,
    n         BIGINT NOT NULL,
    PRIMARY KEY (job_key, stage_key, status)
);

CREATE INDEX candidate_counts_by_stage ON candidate_counts (stage_key);

INSERT INTO candidate_counts (job_key, stage_key, status, n)
SELECT COALESCE(job_id, 0), COALESCE(stage_id, 0), status, COUNT(*) FROM candidates
GROUP BY COALESCE(job_id, 0), COALESCE(stage_id, 0), status;

CREATE FUNCTION candidate_counts_add(job BIGINT, stage BIGINT, state TEXT, delta INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO candidate_counts (job_key, stage_key, status, n)
    VALUES (COALESCE(job, 0), COALESCE(stage, 0), state, delta)
    ON CONFLICT (job_key, stage_key, status) DO UPDATE SET n = candidate_counts.n + EXCLUDED.n;
$$;

CREATE FUNCTION candidate_counts_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM candidate_counts_add(NEW.job_id, NEW.stage_id, NEW.status, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM candidate_counts_add(OLD.job_id, OLD.stage_id, OLD.status, -1);
    ELSIF (OLD.job_id, OLD.stage_id, OLD.status) IS DISTINCT FROM (NEW.job_id, NEW.stage_id, NEW.status) THEN
        -- Two rows, always locked in key order: two moves in opposite directions would otherwise wait on each
        -- other's first row (a deadlock).
        IF (COALESCE(OLD.job_id, 0), COALESCE(OLD.stage_id, 0), OLD.status)
                < (COALESCE(NEW.job_id, 0), COALESCE(NEW.stage_id, 0), NEW.status) THEN
            PERFORM candidate_counts_add(OLD.job_id, OLD.stage_id, OLD.status, -1);
            PERFORM candidate_counts_add(NEW.job_id, NEW.stage_id, NEW.status, 1);
        ELSE
            PERFORM candidate_counts_add(NEW.job_id, NEW.stage_id, NEW.status, 1);
            PERFORM candidate_counts_add(OLD.job_id, OLD.stage_id, OLD.status, -1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER candidate_counts_track AFTER INSERT OR DELETE OR UPDATE OF job_id, stage_id, status ON candidates
    FOR EACH ROW EXECUTE FUNCTION candidate_counts_track();
