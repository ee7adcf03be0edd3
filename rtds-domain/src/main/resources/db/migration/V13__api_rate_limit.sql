-- RTDS schema version 13: the per-token rate limit (RTDS_TOKEN_RATE_LIMIT, requests per minute and API token).
--
-- rtds_api_rate: one row per API token and UTC minute in which it was used, counting its requests. Every node
-- increments the same row (INSERT … ON DUPLICATE KEY UPDATE), so the limit holds for a cluster sharing this
-- database, and nothing of it lives in one server's memory. Rows older than an hour serve no purpose; any node
-- deletes them now and then (deleting twice is harmless).

CREATE TABLE `rtds_api_rate` (
  `token_id` int(11) NOT NULL,
  `window_start` datetime NOT NULL,
  `requests` int(11) NOT NULL,
  PRIMARY KEY (`token_id`, `window_start`),
  KEY `rtds_api_rate_window_start` (`window_start`),
  CONSTRAINT `rtds_api_rate_token_id_fk_rtds_api_token_id` FOREIGN KEY (`token_id`) REFERENCES `rtds_api_token` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
