-- The document register (sổ đăng ký văn bản) and the award decisions registered in it.
-- A draft has no number; issuing takes the next number of its issuer's series for the calendar year, freezes the
-- content, keeps the PDF that was published (its SHA-256 is printed on the public verification page) and writes one
-- award record per recipient. An issued document is never edited: a correction is a new document that replaces it.

/** One numbering series per issuer and calendar year; the row is locked while a number is taken, so none repeats. */
CREATE TABLE document_series (
  issuer_key    text NOT NULL,
  year          integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  last_number   integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
  PRIMARY KEY (issuer_key, year)
);

CREATE TABLE document (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id       integer NOT NULL REFERENCES authority(id),
  kind               text NOT NULL CHECK (kind IN ('AWARD_DECISION')),
  status             text NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'CANCELLED')),
  -- who issues: the authority itself (issuer_unit_id null) or a unit's head; the series is the issuer's
  issuer_unit_id     integer REFERENCES unit(id),
  issuer_key         text NOT NULL,
  symbol             text NOT NULL,
  number             integer CHECK (number > 0),
  issue_year         integer,
  issue_date         date,
  award_code         text NOT NULL,
  award_kind         text NOT NULL CHECK (award_kind IN ('CONG_TRANG', 'CHUYEN_DE', 'DOT_XUAT', 'CONG_HIEN', 'NIEN_HAN', 'DOI_NGOAI')),
  year               integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  summary            text NOT NULL,
  -- the draft's remaining fields (issuer block, signer, achievement, proposal, regulation, copies), as the contract
  -- shapes them
  content            jsonb NOT NULL,
  override_reason    text,
  verification_code  text UNIQUE,
  pdf_sha256         text,
  pdf                bytea,
  replaces_id        integer REFERENCES document(id),
  cancel_reason      text,
  cancelled_at       timestamptz,
  search_key         text NOT NULL DEFAULT '',
  version            integer NOT NULL DEFAULT 1,
  created_by         integer REFERENCES app_user(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  issued_at          timestamptz,
  CHECK ((status = 'DRAFT') = (number IS NULL)),
  CHECK ((status = 'DRAFT') = (issue_date IS NULL)),
  CHECK (status <> 'CANCELLED' OR cancel_reason IS NOT NULL),
  CHECK (issue_year IS NULL OR issue_year = extract(year FROM issue_date))
);
CREATE UNIQUE INDEX document_number_uq ON document (issuer_key, issue_year, number);
CREATE INDEX document_authority_idx ON document (authority_id, status);
CREATE INDEX document_issuer_unit_idx ON document (issuer_unit_id);

/** The people and collectives a decision names, in the order of its attached list. */
CREATE TABLE document_recipient (
  document_id    integer NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  position       integer NOT NULL CHECK (position >= 0),
  subject_type   text NOT NULL CHECK (subject_type IN ('person', 'unit')),
  subject_id     integer NOT NULL,
  evidence_ids   integer[] NOT NULL DEFAULT '{}',
  reward_vnd     bigint CHECK (reward_vnd >= 0),
  PRIMARY KEY (document_id, position),
  UNIQUE (document_id, subject_type, subject_id)
);
CREATE INDEX document_recipient_subject_idx ON document_recipient (subject_type, subject_id);

-- an award written by an issued decision points back to it; cancelling the decision withdraws what it wrote
ALTER TABLE award_received ADD COLUMN document_id integer REFERENCES document(id);
CREATE INDEX award_received_document_idx ON award_received (document_id);
