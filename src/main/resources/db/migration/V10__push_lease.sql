-- A node pushes a feed only while it holds the feed's lease, so two nodes of a cluster do not push
-- the same batch side by side. The lease runs out by itself when its node dies mid-push.
ALTER TABLE NOTIFICATION_FEED ADD COLUMN PUSH_LEASE_NODE VARCHAR(64);
ALTER TABLE NOTIFICATION_FEED ADD COLUMN PUSH_LEASE_UNTIL TIMESTAMP WITH TIME ZONE;
