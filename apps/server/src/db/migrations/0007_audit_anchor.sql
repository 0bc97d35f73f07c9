-- The audit chain is append-only in the database itself: events and checkpoints cannot be edited, deleted or
-- truncated, and the head only moves forward onto an event that exists with that hash. Whoever can disable these
-- triggers (the tables' owner) still cannot forge a checkpoint: its MAC needs a key kept outside the database.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.last_seq < OLD.last_seq
     OR (NEW.last_seq > 0 AND NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.seq = NEW.last_seq AND e.hash = NEW.last_hash)) THEN
    RAISE EXCEPTION 'the audit head only moves forward onto a recorded event' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

/** Anchors of the chain: the head at a moment, signed with a key held outside the database (HMAC-SHA256). */
CREATE TABLE audit_checkpoint (
  seq         bigint PRIMARY KEY,
  hash        text NOT NULL,
  at          timestamptz NOT NULL,
  key_id      text NOT NULL,
  mac         text NOT NULL
);
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
