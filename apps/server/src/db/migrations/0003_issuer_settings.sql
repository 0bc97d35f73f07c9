-- Settings of an issuing authority for criteria the legal texts leave open (see packages/domain/src/rulebook/settings.ts),
-- in force from a year until a later row replaces them. Only the overridden keys are stored.
CREATE TABLE issuer_settings (
  authority_id  integer NOT NULL REFERENCES authority(id),
  year          integer NOT NULL CHECK (year BETWEEN 2024 AND 2200),
  overrides     jsonb NOT NULL,
  PRIMARY KEY (authority_id, year)
);
