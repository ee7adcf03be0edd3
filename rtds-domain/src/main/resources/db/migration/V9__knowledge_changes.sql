-- RTDS schema version 9: the knowledge base's change log.
--
-- Every node keeps an in-memory similarity index of the stored OVH/STS signatures (derived state, rebuilt
-- from the database). A node learns what other nodes computed from this log: each feature computation
-- appends one row for its study in the same transaction that replaces the study's ovh, sts and similarity
-- rows, while it holds the knowledge base's lock, so ids are committed in increasing order. A node
-- remembers the highest id it has applied and, before answering, reloads the studies of the rows above it
-- (a study without signatures any more is dropped from its index). No foreign key: the log may outlive the
-- study it names. Safe to replay: reloading a study twice gives the same index.

CREATE TABLE `rtds_knowledge_change` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `study_id` int(11) NOT NULL,
  `changed_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `rtds_knowledge_change_study_id` (`study_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
