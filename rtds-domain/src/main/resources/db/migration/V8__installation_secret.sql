-- RTDS schema version 8: the installation's secrets, shared by every RTDS node of the installation.
--
-- `study-key` is the HMAC key of the de-identified study keys (a study another hospital sent is shown as
-- `KB-` and a keyed hash of its row id, never its UID, patient or dates). The first node that needs it
-- inserts a random value; the primary key makes a concurrent insert by another node fail, and both then
-- use the row that won. Losing the row only changes the keys that later answers show.

CREATE TABLE `rtds_installation_secret` (
  `name` varchar(64) NOT NULL,
  `secret` varchar(128) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
