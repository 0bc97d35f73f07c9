-- Head and deputy are edited like every other record: an editor saves against the version it saw.
ALTER TABLE cluster_leadership ADD COLUMN version integer NOT NULL DEFAULT 1;
