-- Resetting another account's password issues a one-time code for the owner; the old password stops working.
ALTER TABLE app_user ADD COLUMN reset_code_hash text;
ALTER TABLE app_user ADD COLUMN reset_expires_at timestamptz;
