-- RTDS schema version 4: dose constraints for organs at risk, evaluated per study (pass/fail with
-- margin). Editable by administrators through the API; the rows below are a starting set of common
-- published limits (QUANTEC, Marks et al., IJROBP 76(3) suppl. 2010, and widely used conventional
-- fractionation limits). Every clinic must review them against its own protocols.

CREATE TABLE `rtds_dose_constraint` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  -- AAPM TG-263 standard name of the structure, as in oar_dictionary.ROIName (e.g. Parotid_L).
  `StandardName` varchar(64) NOT NULL,
  -- Metric expression as the API and ./rtds dvh name them: Dmean, Dmax, D0.03cc, D2%, V20Gy, ...
  `Metric` varchar(32) NOT NULL,
  -- '<', '<=', '>' or '>='.
  `Comparator` varchar(2) NOT NULL,
  -- The limit, in Unit (Gy for doses, % or cc for volumes: the metric's own unit).
  `LimitValue` double NOT NULL,
  `Unit` varchar(8) NOT NULL,
  `Source` varchar(200) NULL,
  `Note` varchar(500) NULL,
  `Active` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `rtds_dose_constraint_uniq` (`StandardName`, `Metric`, `Comparator`, `LimitValue`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO `rtds_dose_constraint`
  (`StandardName`, `Metric`, `Comparator`, `LimitValue`, `Unit`, `Source`, `Note`, `Active`) VALUES
  ('Parotid_L', 'Dmean', '<', 26, 'Gy', 'QUANTEC 2010', 'one gland: severe xerostomia < 20 %', 1),
  ('Parotid_R', 'Dmean', '<', 26, 'Gy', 'QUANTEC 2010', 'one gland: severe xerostomia < 20 %', 1),
  ('SpinalCord', 'Dmax', '<', 45, 'Gy', 'conventional fractionation', 'myelopathy < 0.2 % at 50 Gy (QUANTEC)', 1),
  ('Brainstem', 'Dmax', '<', 54, 'Gy', 'QUANTEC 2010', 'whole brainstem', 1),
  ('OpticChiasm', 'Dmax', '<', 55, 'Gy', 'QUANTEC 2010', 'optic neuropathy < 3 %', 1),
  ('OpticNrv_L', 'Dmax', '<', 55, 'Gy', 'QUANTEC 2010', 'optic neuropathy < 3 %', 1),
  ('OpticNrv_R', 'Dmax', '<', 55, 'Gy', 'QUANTEC 2010', 'optic neuropathy < 3 %', 1),
  ('Cochlea_L', 'Dmean', '<=', 45, 'Gy', 'QUANTEC 2010', 'sensorineural hearing loss < 30 %', 1),
  ('Cochlea_R', 'Dmean', '<=', 45, 'Gy', 'QUANTEC 2010', 'sensorineural hearing loss < 30 %', 1),
  ('Larynx', 'Dmean', '<', 44, 'Gy', 'QUANTEC 2010', 'aspiration', 1),
  ('Esophagus', 'Dmean', '<', 34, 'Gy', 'QUANTEC 2010', 'grade >= 3 acute esophagitis 5-20 %', 1),
  ('Lungs', 'V20Gy', '<=', 30, '%', 'QUANTEC 2010', 'symptomatic pneumonitis < 20 %', 1),
  ('Lungs', 'Dmean', '<=', 20, 'Gy', 'QUANTEC 2010', 'symptomatic pneumonitis < 20 %', 1),
  ('Heart', 'V25Gy', '<', 10, '%', 'QUANTEC 2010', 'long-term cardiac mortality < 1 %', 1),
  ('Rectum', 'V50Gy', '<', 50, '%', 'QUANTEC 2010', 'grade >= 2 late toxicity < 15 %', 1),
  ('Rectum', 'V70Gy', '<', 20, '%', 'QUANTEC 2010', 'grade >= 2 late toxicity < 15 %', 1),
  ('Bladder', 'V65Gy', '<=', 50, '%', 'QUANTEC 2010 (RTOG 0415)', 'grade >= 3 late toxicity < 6 %', 1),
  ('Kidneys', 'Dmean', '<', 18, 'Gy', 'QUANTEC 2010', 'bilateral whole kidney', 1),
  ('Liver', 'Dmean', '<', 30, 'Gy', 'QUANTEC 2010', 'normal liver, primary liver cancer: < 28 Gy', 1),
  ('Bone_Mandible', 'Dmax', '<', 70, 'Gy', 'QUANTEC 2010', 'osteoradionecrosis', 1),
  ('Lens_L', 'Dmax', '<', 7, 'Gy', 'common practice', 'cataract', 1),
  ('Lens_R', 'Dmax', '<', 7, 'Gy', 'common practice', 'cataract', 1);
