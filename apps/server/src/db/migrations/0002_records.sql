-- Records kept per person and collective: what the eligibility engine reads.
-- subject_type is 'person' or 'unit' (a collective); subject_id points into person or unit.

CREATE TABLE annual_rating (
  authority_id   integer NOT NULL REFERENCES authority(id),
  subject_type   text NOT NULL CHECK (subject_type IN ('person', 'unit')),
  subject_id     integer NOT NULL,
  year           integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  rating         text NOT NULL CHECK (rating IN ('HTXS', 'HTT', 'HT', 'KHT')),
  decision_ref   text,
  PRIMARY KEY (subject_type, subject_id, year)
);

/** Titles and forms already conferred (danh hiệu, hình thức khen thưởng), with kind and decision. */
CREATE TABLE award_received (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id     integer NOT NULL REFERENCES authority(id),
  subject_type     text NOT NULL CHECK (subject_type IN ('person', 'unit')),
  subject_id       integer NOT NULL,
  award_code       text NOT NULL,
  year             integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  kind             text NOT NULL CHECK (kind IN ('CONG_TRANG', 'CHUYEN_DE', 'DOT_XUAT', 'CONG_HIEN', 'NIEN_HAN', 'DOI_NGOAI')),
  decision_number  text,
  decision_date    date,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX award_received_subject_idx ON award_received (subject_type, subject_id);

/** Initiatives (sáng kiến) and science works (đề tài khoa học): each may support one award only. */
CREATE TABLE evidence_item (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id       integer NOT NULL REFERENCES authority(id),
  subject_type       text NOT NULL CHECK (subject_type IN ('person', 'unit')),
  subject_id         integer NOT NULL,
  evidence_type      text NOT NULL CHECK (evidence_type IN ('INITIATIVE', 'SCIENCE_WORK')),
  title              text NOT NULL,
  year               integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  scope              text NOT NULL CHECK (scope IN ('CO_SO', 'BO_TINH', 'TOAN_QUOC')),
  recognition_ref    text,
  used_for_award_id  integer UNIQUE REFERENCES award_received(id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_item_subject_idx ON evidence_item (subject_type, subject_id);

CREATE TABLE discipline_record (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  subject_type  text NOT NULL CHECK (subject_type IN ('person', 'unit')),
  subject_id    integer NOT NULL,
  form          text NOT NULL CHECK (form IN ('KHIEN_TRACH', 'CANH_CAO', 'HA_BAC_LUONG', 'GIANG_CHUC', 'CACH_CHUC', 'BUOC_THOI_VIEC')),
  from_date     date NOT NULL,
  to_date       date NOT NULL,
  decision_ref  text,
  CHECK (to_date >= from_date)
);
CREATE INDEX discipline_record_subject_idx ON discipline_record (subject_type, subject_id);

CREATE TABLE leave_record (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  person_id     integer NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  leave_type    text NOT NULL CHECK (leave_type IN ('MATERNITY', 'SICK', 'STUDY', 'INJURY', 'OTHER')),
  from_date     date NOT NULL,
  to_date       date NOT NULL,
  CHECK (to_date >= from_date)
);

/** Disciplinary review, inspection, investigation or complaint under way: blocks proposals while open. */
CREATE TABLE pending_review (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES authority(id),
  subject_type  text NOT NULL CHECK (subject_type IN ('person', 'unit')),
  subject_id    integer NOT NULL,
  review_type   text NOT NULL CHECK (review_type IN ('DISCIPLINARY_REVIEW', 'INSPECTION', 'INVESTIGATION', 'COMPLAINT')),
  from_date     date NOT NULL,
  to_date       date,
  note          text,
  CHECK (to_date IS NULL OR to_date >= from_date)
);

/** Member figures of a collective for a year (for the 70 % / 100 % ratios of Law Art. 27–28). */
CREATE TABLE unit_year_figures (
  authority_id                    integer NOT NULL REFERENCES authority(id),
  unit_id                         integer NOT NULL REFERENCES unit(id),
  year                            integer NOT NULL,
  total                           integer NOT NULL CHECK (total >= 0),
  advanced_workers                integer NOT NULL CHECK (advanced_workers >= 0),
  completed_tasks                 integer NOT NULL CHECK (completed_tasks >= 0),
  grassroots_fighters             integer NOT NULL CHECK (grassroots_fighters >= 0),
  disciplined_warning_or_above    integer NOT NULL CHECK (disciplined_warning_or_above >= 0),
  women                           integer CHECK (women >= 0),
  PRIMARY KEY (unit_id, year),
  CHECK (advanced_workers <= total AND completed_tasks <= total AND grassroots_fighters <= total AND disciplined_warning_or_above <= total)
);

/** Caps set by an issuing authority (e.g. Grassroots Fighters ≤ 15 % of Advanced Workers), from a year on. */
CREATE TABLE quota_policy (
  authority_id  integer NOT NULL REFERENCES authority(id),
  award_code    text NOT NULL,
  year          integer NOT NULL,
  rate_percent  numeric(5, 2) NOT NULL CHECK (rate_percent > 0 AND rate_percent <= 100),
  rounding      text NOT NULL CHECK (rounding IN ('floor', 'half-up', 'ceil')),
  min_one       boolean NOT NULL DEFAULT false,
  -- the count the rate applies to: holders of this award in the same population and year (null: everyone considered)
  base_award_code text,
  PRIMARY KEY (authority_id, award_code, year)
);
