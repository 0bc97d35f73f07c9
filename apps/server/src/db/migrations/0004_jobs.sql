-- Long or heavy work (province-wide checks, imports, exports, reminders) runs as a job: a row claimed by one worker
-- at a time (FOR UPDATE SKIP LOCKED), held by a lease that a dead process lets expire, retried with backoff.
CREATE TABLE job (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind              text NOT NULL,
  input             jsonb NOT NULL,
  state             text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  owner_id          integer REFERENCES app_user(id),
  authority_id      integer REFERENCES authority(id),
  attempts          integer NOT NULL DEFAULT 0,
  max_attempts      integer NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 20),
  run_after         timestamptz NOT NULL,
  locked_by         text,
  locked_until      timestamptz,
  done              integer NOT NULL DEFAULT 0,
  total             integer,
  result            jsonb,
  error             jsonb,
  cancel_requested  boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  started_at        timestamptz,
  finished_at       timestamptz
);
CREATE INDEX job_ready ON job (run_after, id) WHERE state IN ('queued', 'running');
CREATE INDEX job_owner ON job (owner_id, id);
