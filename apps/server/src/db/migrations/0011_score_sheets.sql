-- A round's scoring (issue 10): the round's settings on its criteria table, the members' sheets (self and cross),
-- the head's adjustments with the unit's one answer, and the knock-out conditions found in the review.

-- { weights, crossMethod, missingCross, tieBreaks, leadingPlaces, deadlines, acceptLate, crossPairs }; the domain's
-- defaults fill what is absent
ALTER TABLE criteria_set ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb;

-- One scorer's sheet on one unit in one stage: the unit itself in `self`, another member in `cross`.
CREATE TABLE score_sheet (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  criteria_set_id  integer NOT NULL REFERENCES criteria_set(id),
  authority_id     integer NOT NULL REFERENCES authority(id),
  unit_id          integer NOT NULL REFERENCES unit(id),
  scorer_unit_id   integer NOT NULL REFERENCES unit(id),
  stage            text NOT NULL CHECK (stage IN ('self', 'cross')),
  -- each item's points in hundredths, in the order of the table's items (groups in order, items in order);
  -- NULL where nothing is entered. The table is frozen while it is scored, so the order holds.
  points           integer[] NOT NULL,
  -- { item code: comment }
  comments         jsonb NOT NULL DEFAULT '{}'::jsonb,
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  submitted_at     timestamptz,
  row_version      integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (criteria_set_id, unit_id, scorer_unit_id, stage),
  CHECK ((stage = 'self') = (unit_id = scorer_unit_id)),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX score_sheet_scorer_idx ON score_sheet (criteria_set_id, scorer_unit_id);

-- The head's change of one item of one unit in the review; the latest per item counts, earlier ones are its history.
CREATE TABLE score_adjustment (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  criteria_set_id  integer NOT NULL REFERENCES criteria_set(id),
  unit_id          integer NOT NULL REFERENCES unit(id),
  item             text NOT NULL,
  old_points       numeric(9, 2) NOT NULL,
  points           numeric(9, 2) NOT NULL,
  reason           text NOT NULL CHECK (length(btrim(reason)) > 0),
  created_by       integer REFERENCES app_user(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  -- the unit's one answer
  answer           text,
  answered_by      integer REFERENCES app_user(id),
  answered_at      timestamptz,
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX score_adjustment_round_idx ON score_adjustment (criteria_set_id, unit_id);

-- Knock-out conditions (điểm liệt) found for a unit in the review, by the table's condition codes.
CREATE TABLE knock_out_flag (
  criteria_set_id  integer NOT NULL REFERENCES criteria_set(id),
  unit_id          integer NOT NULL REFERENCES unit(id),
  code             text NOT NULL,
  reason           text NOT NULL CHECK (length(btrim(reason)) > 0),
  created_by       integer REFERENCES app_user(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (criteria_set_id, unit_id, code)
);

-- Evidence files attached to a sheet's items (PDF, images, office documents), type-checked by content and
-- size-limited at upload, kept with the SHA-256 of their content.
CREATE TABLE score_evidence (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sheet_id      integer NOT NULL REFERENCES score_sheet(id),
  item          text NOT NULL,
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type    text NOT NULL,
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content       bytea NOT NULL,
  created_by    integer REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (sheet_id, item, sha256)
);
CREATE INDEX score_evidence_sheet_idx ON score_evidence (sheet_id);
