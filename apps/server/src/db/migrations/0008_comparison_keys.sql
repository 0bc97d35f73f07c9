-- Uniqueness that compares meaning, not bytes: "772/QĐ-UBND", "0772/QĐ-UBND", "772/qđ-ubnd" and their NFD spellings are
-- one document number; "UBND tỉnh Thanh Hóa" and "UBND tỉnh Thanh Hoá" one issuer; "TH-LAMSON" and "th-lamson " one code.
-- The keys are generated columns, computed the same way on PGlite and PostgreSQL; the unique indexes use them.

/** Unicode NFC, Vietnamese letters without their marks (so the Hóa/Hoá placements and đ/d agree), lower case, one space. */
CREATE FUNCTION thidua_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(btrim(lower(translate(normalize(t, NFC), 'àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ', 'aAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAeEeEeEeEeEeEeEeEeEeEeEiIiIiIiIiIoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOuUuUuUuUuUuUuUuUuUuUuUyYyYyYyYyYdD'))), '\s+', ' ', 'g')
$$;

/** Codes compare folded and without spaces. */
CREATE FUNCTION thidua_code_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(thidua_fold(t), '\s', '', 'g')
$$;

/** Document numbers compare as codes, and without the leading zeros of the number: 0772/QĐ-UBND is 772/QĐ-UBND. */
CREATE FUNCTION thidua_number_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(thidua_code_key(t), '^0+([0-9])', '\1')
$$;

ALTER TABLE unit ADD COLUMN code_key text GENERATED ALWAYS AS (thidua_code_key(code)) STORED;
ALTER TABLE unit DROP CONSTRAINT unit_authority_id_code_key;
CREATE UNIQUE INDEX unit_code_key_uq ON unit (authority_id, code_key);

ALTER TABLE person ADD COLUMN code_key text GENERATED ALWAYS AS (thidua_code_key(code)) STORED;
ALTER TABLE person DROP CONSTRAINT person_authority_id_code_key;
CREATE UNIQUE INDEX person_code_key_uq ON person (authority_id, code_key);

ALTER TABLE cluster ADD COLUMN code_key text GENERATED ALWAYS AS (thidua_code_key(code)) STORED;
ALTER TABLE cluster DROP CONSTRAINT cluster_authority_id_code_key;
CREATE UNIQUE INDEX cluster_code_key_uq ON cluster (authority_id, code_key);

-- a document number is unique for its issuer and year within the authority that registers it: another authority's
-- documents neither collide with nor reveal themselves to it
ALTER TABLE decision ADD COLUMN number_key text GENERATED ALWAYS AS (thidua_number_key(number)) STORED;
ALTER TABLE decision ADD COLUMN issuer_key text GENERATED ALWAYS AS (thidua_fold(issuer)) STORED;
ALTER TABLE decision DROP CONSTRAINT decision_issuer_issue_year_number_key;
CREATE UNIQUE INDEX decision_number_key_uq ON decision (authority_id, issuer_key, issue_year, number_key);
