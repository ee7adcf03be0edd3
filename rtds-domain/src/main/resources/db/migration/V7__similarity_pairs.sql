-- RTDS schema version 7: what a similarity row needs beside the documented columns. Only additions.
--
-- The documented row names the historical study (DBStudyID, text) and the organ (TargetOAR, text) but not
-- the target: RTDS writes one row per (query study, historical study, target level, organ), so the target
-- level (oar_dictionary: PTV_High, PTV_Mid, PTV_Low, PTV_All) is added, and the historical study as a foreign
-- key beside DBStudyID so that a study's rows in either direction are found and replaced by one indexed
-- query. Legacy rows keep NULL in both.

ALTER TABLE `similarity`
  ADD COLUMN `fk_ptv_id` int(11) NULL,
  ADD COLUMN `fk_historical_study_id` int(11) NULL,
  ADD KEY `similarity_fk_ptv_id_fk_oar_dictionary_id` (`fk_ptv_id`),
  ADD KEY `similarity_fk_historical_study_id_fk_studies_id` (`fk_historical_study_id`),
  ADD CONSTRAINT `similarity_fk_ptv_id_fk_oar_dictionary_id` FOREIGN KEY (`fk_ptv_id`) REFERENCES `oar_dictionary` (`id`),
  ADD CONSTRAINT `similarity_fk_historical_study_id_fk_studies_id` FOREIGN KEY (`fk_historical_study_id`) REFERENCES `studies` (`id`);
