-- Secret ballots of a conference or a council session (issue 12). Who may vote and whether they have voted
-- (ballot_voter) and what was chosen (ballot_vote) live apart with nothing linking them: no voter on a vote, no time
-- on either, a random id on each vote; closing rewrites the votes in a random order, so neither their physical order
-- nor their transaction ids tell the sequence in which they were cast.

CREATE TABLE ballot (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id       integer NOT NULL REFERENCES authority(id),
  -- a cluster's conference ballot; null for a council's
  cluster_id         integer REFERENCES cluster(id),
  year               integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  kind               text NOT NULL CHECK (kind IN ('honouring', 'election', 'approval')),
  -- an election's office: the head or the deputy of the next year
  office             text CHECK (office IN ('head', 'deputy')),
  title              text NOT NULL CHECK (length(btrim(title)) > 0),
  max_choices        integer NOT NULL CHECK (max_choices BETWEEN 1 AND 100),
  -- { quorumPercent, approvalPercent, denominator, strictlyAbove }
  rule               jsonb NOT NULL,
  status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  chair_user_id      integer REFERENCES app_user(id),
  secretary_user_id  integer REFERENCES app_user(id),
  -- delegates present when it opened (the quorum's count); null: all eligible
  present            integer CHECK (present >= 0),
  -- the sealed tally, and its SHA-256 recorded in the audit chain
  result             jsonb,
  result_sha256      text,
  opened_at          timestamptz,
  closed_at          timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'election') = (office IS NOT NULL)),
  CHECK ((status = 'closed') = (result IS NOT NULL))
);
CREATE INDEX ballot_authority_idx ON ballot (authority_id, status);

CREATE TABLE ballot_candidate (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ballot_id  integer NOT NULL REFERENCES ballot(id),
  position   integer NOT NULL,
  name       text NOT NULL CHECK (length(btrim(name)) > 0),
  unit_id    integer REFERENCES unit(id),
  UNIQUE (ballot_id, position)
);

-- who may vote, and whether they have: no time, no link to the vote
CREATE TABLE ballot_voter (
  ballot_id  integer NOT NULL REFERENCES ballot(id),
  user_id    integer NOT NULL REFERENCES app_user(id),
  voted      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (ballot_id, user_id)
);
CREATE INDEX ballot_voter_user_idx ON ballot_voter (user_id);

-- what was chosen: no voter, no time, a random id; the receipt lets a voter find their ballot in the published list
CREATE TABLE ballot_vote (
  id         uuid PRIMARY KEY,
  ballot_id  integer NOT NULL REFERENCES ballot(id),
  receipt    text NOT NULL CHECK (receipt ~ '^[A-Z2-9]{10}$'),
  -- { choices: [candidate id] } or { answers: [{ candidateId, answer }] }
  vote       jsonb NOT NULL,
  UNIQUE (ballot_id, receipt)
);
