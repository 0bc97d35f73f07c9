-- Foundation: authorities, units, people, decisions, clusters, users, sessions, audit chain.
-- Runs unchanged on PGlite and PostgreSQL 15+. Every tenant-owned row carries authority_id.

CREATE TABLE authority (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code          text NOT NULL UNIQUE,
  kind          text NOT NULL CHECK (kind IN ('PROVINCE', 'MINISTRY', 'CENTRAL_COUNCIL')),
  name          text NOT NULL,
  short_name    text NOT NULL,
  place         text NOT NULL,
  parent_id     integer REFERENCES authority(id),
  search_key    text NOT NULL DEFAULT '',
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE unit (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id      integer NOT NULL REFERENCES authority(id),
  code              text NOT NULL,
  name              text NOT NULL,
  short_name        text,
  unit_type         text NOT NULL CHECK (unit_type IN ('STATE_AGENCY', 'PUBLIC_SERVICE_UNIT', 'SOE_ONE_MEMBER_LLC',
                      'JOINT_STOCK_COMPANY', 'OTHER_ENTERPRISE', 'COMMUNE_WARD', 'VILLAGE', 'MASS_ORGANISATION',
                      'ARMED_FORCES_UNIT', 'PARTY_AGENCY')),
  legal_entity      boolean NOT NULL DEFAULT true,
  state_capital_pct numeric(5, 2) CHECK (state_capital_pct BETWEEN 0 AND 100),
  parent_id         integer REFERENCES unit(id),
  province          text,
  tax_code          text,
  founded_on        date,
  dissolved_on      date,
  search_key        text NOT NULL DEFAULT '',
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (authority_id, code),
  CHECK (dissolved_on IS NULL OR founded_on IS NULL OR dissolved_on >= founded_on),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX unit_authority_idx ON unit (authority_id);
CREATE INDEX unit_parent_idx ON unit (parent_id);

/** Mergers and splits (sáp nhập, chia tách): which unit continues which. */
CREATE TABLE unit_succession (
  authority_id    integer NOT NULL REFERENCES authority(id),
  predecessor_id  integer NOT NULL REFERENCES unit(id),
  successor_id    integer NOT NULL REFERENCES unit(id),
  effective_on    date,
  PRIMARY KEY (predecessor_id, successor_id),
  CHECK (predecessor_id <> successor_id)
);
CREATE INDEX unit_succession_successor_idx ON unit_succession (successor_id);

CREATE TABLE person (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  code          text NOT NULL,
  full_name     text NOT NULL,
  gender        text NOT NULL CHECK (gender IN ('female', 'male')),
  birth_date    date,
  unit_id       integer NOT NULL REFERENCES unit(id),
  search_key    text NOT NULL DEFAULT '',
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (authority_id, code)
);
CREATE INDEX person_unit_idx ON person (unit_id);
CREATE INDEX person_authority_idx ON person (authority_id);

CREATE TABLE person_position (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  person_id     integer NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  unit_id       integer NOT NULL REFERENCES unit(id),
  title         text NOT NULL,
  from_date     date NOT NULL,
  to_date       date,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX person_position_person_idx ON person_position (person_id);

/** Administrative documents (Quyết định …): the number is unique per issuer per calendar year. */
CREATE TABLE decision (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  number        text NOT NULL,
  issued_on     date NOT NULL,
  issue_year    integer NOT NULL,
  issuer        text NOT NULL,
  signer_name   text NOT NULL,
  signer_title  text NOT NULL,
  summary       text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issuer, issue_year, number)
);

CREATE TABLE cluster (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  code          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('CLUSTER', 'BLOCK')),
  name          text NOT NULL,
  decision_id   integer NOT NULL REFERENCES decision(id),
  active_from   date NOT NULL,
  active_to     date,
  search_key    text NOT NULL DEFAULT '',
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (authority_id, code),
  CHECK (active_to IS NULL OR active_to >= active_from)
);
CREATE INDEX cluster_authority_idx ON cluster (authority_id);

CREATE TABLE cluster_membership (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  cluster_id    integer NOT NULL REFERENCES cluster(id) ON DELETE CASCADE,
  unit_id       integer NOT NULL REFERENCES unit(id),
  year          integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  from_date     date,
  to_date       date,
  UNIQUE (cluster_id, unit_id, year),
  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);
CREATE INDEX cluster_membership_unit_idx ON cluster_membership (unit_id, year);

/** Cụm trưởng / cụm phó of one year, elected by rotation. */
CREATE TABLE cluster_leadership (
  authority_id    integer NOT NULL REFERENCES authority(id),
  cluster_id      integer NOT NULL REFERENCES cluster(id) ON DELETE CASCADE,
  year            integer NOT NULL,
  head_unit_id    integer NOT NULL REFERENCES unit(id),
  deputy_unit_id  integer REFERENCES unit(id),
  PRIMARY KEY (cluster_id, year),
  CHECK (deputy_unit_id IS NULL OR deputy_unit_id <> head_unit_id)
);

/** Who held the cluster's rotating flag (cờ luân lưu), and when. */
CREATE TABLE flag_custody (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  cluster_id    integer NOT NULL REFERENCES cluster(id) ON DELETE CASCADE,
  unit_id       integer NOT NULL REFERENCES unit(id),
  from_date     date NOT NULL,
  to_date       date,
  note          text,
  CHECK (to_date IS NULL OR to_date >= from_date)
);

CREATE TABLE app_user (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'COMMITTEE_OFFICER', 'CLUSTER_OFFICER', 'UNIT_OFFICER',
                   'COUNCIL_MEMBER', 'VIEWER')),
  authority_id   integer REFERENCES authority(id),
  cluster_id     integer REFERENCES cluster(id),
  unit_id        integer REFERENCES unit(id),
  year           integer,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (role = 'SYSTEM_ADMIN' OR authority_id IS NOT NULL),
  CHECK (role <> 'CLUSTER_OFFICER' OR (cluster_id IS NOT NULL AND year IS NOT NULL)),
  CHECK (role <> 'UNIT_OFFICER' OR unit_id IS NOT NULL)
);

/** Server-side sessions: the cookie carries a random token, the table only its SHA-256. */
CREATE TABLE user_session (
  token_hash    text PRIMARY KEY,
  user_id       integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

/** Append-only, hash-chained record of every write. */
CREATE TABLE audit_event (
  seq           bigint PRIMARY KEY,
  at            timestamptz NOT NULL,
  type          text NOT NULL,
  actor_id      integer,
  actor_name    text NOT NULL,
  authority_id  integer,
  entity_type   text,
  entity_id     integer,
  data          jsonb NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, seq);

/** The chain's head: one row, locked by each writer so events are appended one at a time. */
CREATE TABLE audit_head (
  id        integer PRIMARY KEY CHECK (id = 1),
  last_seq  bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, 'GENESIS');

/** Server secrets that must survive restarts (the CSRF token HMAC key). */
CREATE TABLE app_secret (
  name   text PRIMARY KEY,
  value  text NOT NULL
);
