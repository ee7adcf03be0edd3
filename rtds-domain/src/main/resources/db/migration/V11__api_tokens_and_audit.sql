-- RTDS schema version 11: API tokens for system accounts, and the audit trail.
--
-- rtds_api_token: a partner system sends `Authorization: Bearer rtds_…`. The token is shown once when it is made; only
-- its SHA-256 (hex) is stored, with the first characters for recognising it in lists. A token acts for one account
-- with at most that account's permissions, narrowed by its scope (permission codenames, comma-separated; empty =
-- all the account holds), until it expires or is revoked (revoked_at set; rows are never deleted, so the audit
-- trail can name them).
--
-- rtds_audit_event: append-only (RTDS only inserts; hospital IT may REVOKE UPDATE, DELETE on it from the RTDS
-- database account). One row per access to patient data, login (success and failure), logout, token use refused
-- and administrative action, with the fields of an IHE ATNA / DICOM PS3.15 audit message: event (event_id, the
-- DICOM EventID such as "Patient Record" or "User Authentication", and action_code C/R/U/D/E), outcome (0 success,
-- 4 minor failure, 8 serious failure, 12 major failure), the active participant (account, its hospital, network
-- address), the participant object (patient id, StudyInstanceUID, or the account/group/token administered) and
-- what was asked (the request line, never a password or a patient name). Failed logins are counted from here for
-- the lockout, so it works the same on every node.

CREATE TABLE `rtds_api_token` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `user_id` int(11) NOT NULL,
  `name` varchar(100) NOT NULL,
  `token_prefix` varchar(16) NOT NULL,
  `token_sha256` varchar(64) NOT NULL,
  `scope` varchar(500) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `created_by_id` int(11) NULL,
  `expires_at` datetime(6) NOT NULL,
  `revoked_at` datetime(6) NULL,
  `last_used_at` datetime(6) NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `rtds_api_token_sha256` (`token_sha256`),
  KEY `rtds_api_token_user_id` (`user_id`),
  CONSTRAINT `rtds_api_token_user_id_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`),
  CONSTRAINT `rtds_api_token_created_by_id_fk_auth_user_id` FOREIGN KEY (`created_by_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `rtds_audit_event` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `event_time` datetime(6) NOT NULL,
  `event_id` varchar(64) NOT NULL,
  `event_type` varchar(64) NOT NULL,
  `action_code` varchar(1) NOT NULL,
  `outcome` smallint NOT NULL,
  `user_id` int(11) NULL,
  `username` varchar(150) NULL,
  `hospital` varchar(30) NULL,
  `source_address` varchar(64) NULL,
  `object_type` varchar(32) NULL,
  `object_id` varchar(200) NULL,
  `patient_id` int(11) NULL,
  `study_instance_uid` varchar(200) NULL,
  `request` varchar(500) NULL,
  `detail` varchar(1000) NULL,
  `node` varchar(64) NULL,
  PRIMARY KEY (`id`),
  KEY `rtds_audit_event_time` (`event_time`),
  KEY `rtds_audit_event_username_time` (`username`, `event_time`),
  KEY `rtds_audit_event_source_time` (`source_address`, `event_time`),
  KEY `rtds_audit_event_patient` (`patient_id`),
  KEY `rtds_audit_event_study` (`study_instance_uid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
