-- A cluster's criteria table (bảng tiêu chí, thang điểm) for a year and round (H1: sơ kết 6 tháng, FY: tổng kết),
-- with the state of that round. The table is edited while the round is a draft; opening scoring freezes it, and a
-- later change is the next version (a new draft row copied from the frozen one). The content (groups of items,
-- knock-out conditions, the frame's maximum) is kept as the contract shapes it and checked by the domain's rules.

CREATE TABLE criteria_set (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  cluster_id    integer NOT NULL REFERENCES cluster(id),
  year          integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  period        text NOT NULL CHECK (period IN ('H1', 'FY')),
  version       integer NOT NULL CHECK (version >= 1),
  -- { groups, knockOuts, maxTotal }
  content       jsonb NOT NULL,
  round_state   text NOT NULL DEFAULT 'draft' CHECK (round_state IN ('draft', 'self', 'cross', 'review', 'closed')),
  -- optimistic concurrency of edits (the table's own `version` numbers its frozen editions)
  row_version   integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cluster_id, year, period, version)
);

CREATE INDEX criteria_set_authority_idx ON criteria_set (authority_id);
