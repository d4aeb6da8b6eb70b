-- Each sharing request is decided as an approval on the shared workflow engine (kind catalog.share), whose
-- deadline timer expires it undecided.
ALTER TABLE catalog_share_request ADD COLUMN approval_id text;
