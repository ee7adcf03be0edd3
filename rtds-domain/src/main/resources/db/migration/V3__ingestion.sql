-- RTDS schema version 3: what ingestion needs beyond the documented tables.
-- Only additions: new nullable columns, unique keys over the natural DICOM identifiers (the
-- idempotency guards of ingestion), and new tables prefixed by what they hold. Legacy rows keep
-- every value; a legacy database whose rows already break one of the new unique keys stops the
-- migration with MariaDB's duplicate-key message naming the key (clean it up, then restart).
--
-- Identity is scoped by the sending account (`fk_user_id_id`): the same Patient ID or Study
-- Instance UID sent by two hospitals' accounts makes two patients / studies, never one.
-- Unique keys that include the nullable `fk_user_id_id` do not constrain legacy rows without an
-- account (NULLs are distinct in a unique index); ingestion always sets it.

ALTER TABLE `patients`
  -- Patient ID (0010,0020), LO: the hospital's identifier of the patient.
  ADD COLUMN `PatientID` varchar(64) NULL,
  ADD UNIQUE KEY `patients_user_patient_id_uniq` (`fk_user_id_id`, `PatientID`);

ALTER TABLE `studies`
  ADD UNIQUE KEY `studies_user_study_uid_uniq` (`fk_user_id_id`, `StudyInstanceUID`);

ALTER TABLE `series`
  -- Frame of Reference UID (0020,0052) of the series' objects: contours and dose must share the
  -- frame of reference of the CT they are drawn on.
  ADD COLUMN `FrameOfReferenceUID` varchar(64) NULL,
  ADD UNIQUE KEY `series_study_series_uid_uniq` (`fk_study_id_id`, `SeriesInstanceUID`);

ALTER TABLE `ct_images`
  ADD UNIQUE KEY `ct_images_series_sop_uid_uniq` (`fk_series_id_id`, `SOPInstanceUID`);

ALTER TABLE `rt_structureset`
  -- Structure Set Label (3006,0002), SH.
  ADD COLUMN `StructureSetLabel` varchar(64) NULL,
  -- The CT series the contours were drawn on (RT Referenced Series Sequence), if named.
  ADD COLUMN `ReferencedSeriesInstanceUID` varchar(64) NULL,
  ADD UNIQUE KEY `rt_structureset_series_sop_uid_uniq` (`fk_series_id_id`, `SOPInstanceUID`);

ALTER TABLE `oar_dictionary`
  -- The role of the standard structure: PTV, CTV, GTV, OAR, EXTERNAL or OTHER.
  ADD COLUMN `Role` varchar(16) NULL,
  ADD UNIQUE KEY `oar_dictionary_roi_name_uniq` (`ROIName`);

ALTER TABLE `rt_rois`
  -- RT ROI Interpreted Type (3006,00A4) as sent, e.g. PTV, ORGAN, EXTERNAL.
  ADD COLUMN `RTROIInterpretedType` varchar(16) NULL,
  -- Role inferred from the name (and the interpreted type): PTV, CTV, GTV, OAR, EXTERNAL, OTHER.
  ADD COLUMN `Role` varchar(16) NULL,
  -- The standard (AAPM TG-263) structure this ROI name maps to; NULL when the name is unknown.
  ADD COLUMN `fk_oar_id_id` int(11) NULL,
  -- ROI Display Color (3006,002A) as "r\g\b".
  ADD COLUMN `ROIDisplayColor` varchar(32) NULL,
  ADD KEY `rt_rois_fk_oar_id_id_fk_oar_dictionary_id` (`fk_oar_id_id`),
  ADD CONSTRAINT `rt_rois_fk_oar_id_id_fk_oar_dictionary_id`
    FOREIGN KEY (`fk_oar_id_id`) REFERENCES `oar_dictionary` (`id`),
  ADD UNIQUE KEY `rt_rois_structureset_roi_number_uniq` (`fk_structureset_id_id`, `ROINumber`);

ALTER TABLE `rt_dose`
  -- Frame of Reference UID (0020,0052) of the grid.
  ADD COLUMN `FrameOfReferenceUID` varchar(64) NULL,
  -- Referenced Beam Number of a BEAM dose (Referenced RT Plan Sequence > Referenced Fraction Group
  -- Sequence > Referenced Beam Sequence), NULL otherwise.
  ADD COLUMN `ReferencedBeamNumber` varchar(16) NULL,
  ADD UNIQUE KEY `rt_dose_series_sop_uid_uniq` (`fk_series_id_id`, `SOPInstanceUID`);

ALTER TABLE `rt_dose_image`
  -- Position of this row's frame: rt_dose_image holds one row per dose frame (see ImageData).
  ADD COLUMN `FrameNumber` int(11) NULL,
  -- Bits Allocated (0028,0100) and Pixel Representation (0028,0103) of the stored values in
  -- ImageData, which is "rtds-pixels-v1;" + base64(deflate(little-endian stored values)).
  ADD COLUMN `BitsAllocated` int(11) NULL,
  ADD COLUMN `PixelRepresentation` int(11) NULL,
  ADD UNIQUE KEY `rt_dose_image_dose_frame_uniq` (`fk_dose_id_id`, `FrameNumber`);

ALTER TABLE `rt_dvh`
  -- Where the curve comes from: TPS_EMBEDDED (the RT Dose's DVH Sequence, as sent) or COMPUTED
  -- (by RTDS); NULL for legacy rows.
  ADD COLUMN `Source` varchar(16) NULL;

-- One RT Plan (RT Plan or RT Ion Plan object).
CREATE TABLE `rt_plan` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SOPInstanceUID` varchar(64) NOT NULL,
  `SOPClassUID` varchar(64) NOT NULL,
  -- RT Plan Label (300A,0002), RT Plan Name (300A,0003), RT Plan Date (300A,0006).
  `RTPlanLabel` varchar(64) NULL,
  `RTPlanName` varchar(64) NULL,
  `RTPlanDate` date NULL,
  -- Plan Intent (300A,000A), e.g. CURATIVE.
  `PlanIntent` varchar(16) NULL,
  -- Number of Fractions Planned (300A,0078) of the first fraction group.
  `NumberOfFractionsPlanned` int(11) NULL,
  -- Prescription in Gy: the highest Target Prescription Dose (300A,0026) of the plan's target
  -- dose references; NULL when the plan states none.
  `PrescriptionDoseGy` double NULL,
  -- Referenced Structure Set Sequence > Referenced SOP Instance UID.
  `ReferencedStructureSetUID` varchar(64) NULL,
  `FrameOfReferenceUID` varchar(64) NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `rt_plan_series_sop_uid_uniq` (`fk_series_id_id`, `SOPInstanceUID`),
  KEY `rt_plan_fk_patient_id_id_fk_patients_id` (`fk_patient_id_id`),
  KEY `rt_plan_fk_study_id_id_fk_studies_id` (`fk_study_id_id`),
  KEY `rt_plan_fk_user_id_id_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `rt_plan_fk_patient_id_id_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `rt_plan_fk_series_id_id_fk_series_id` FOREIGN KEY (`fk_series_id_id`) REFERENCES `series` (`id`),
  CONSTRAINT `rt_plan_fk_study_id_id_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `rt_plan_fk_user_id_id_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One item of an RT Plan's Dose Reference Sequence (300A,0010).
CREATE TABLE `rt_plan_dose_reference` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  -- Dose Reference Number (300A,0012).
  `DoseReferenceNumber` int(11) NULL,
  -- Dose Reference Structure Type (300A,0014): POINT, VOLUME, COORDINATES, SITE.
  `DoseReferenceStructureType` varchar(16) NULL,
  -- Dose Reference Type (300A,0020): TARGET or ORGAN_AT_RISK.
  `DoseReferenceType` varchar(16) NULL,
  `DoseReferenceDescription` varchar(64) NULL,
  -- Referenced ROI Number (3006,0084) in the plan's structure set, if the reference is a volume.
  `ReferencedROINumber` varchar(16) NULL,
  -- Target Prescription Dose (300A,0026), Gy.
  `TargetPrescriptionDoseGy` double NULL,
  -- Delivery Maximum Dose (300A,0023) and Organ at Risk Maximum Dose (300A,002C), Gy.
  `DeliveryMaximumDoseGy` double NULL,
  `OrganAtRiskMaximumDoseGy` double NULL,
  `fk_plan_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `rt_plan_dose_reference_fk_plan_id_id_fk_rt_plan_id` (`fk_plan_id_id`),
  CONSTRAINT `rt_plan_dose_reference_fk_plan_id_id_fk_rt_plan_id` FOREIGN KEY (`fk_plan_id_id`) REFERENCES `rt_plan` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every DICOM object RTDS stored: the index of the file store, and ingestion's idempotency key
-- (one row per sending account and SOP Instance UID). The file itself is content-addressed:
-- `FilePath` is relative to RTDS_DATA_DIR, derived from `ContentSHA256`.
CREATE TABLE `rtds_object` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SOPInstanceUID` varchar(64) NOT NULL,
  `SOPClassUID` varchar(64) NOT NULL,
  `StudyInstanceUID` varchar(64) NOT NULL,
  `SeriesInstanceUID` varchar(64) NOT NULL,
  `Modality` varchar(16) NULL,
  `TransferSyntaxUID` varchar(64) NULL,
  -- SHA-256 of the bytes as received (lower-case hex) and their size in bytes.
  `ContentSHA256` char(64) NOT NULL,
  `SizeBytes` bigint(20) NOT NULL,
  -- SHA-256 of what RTDS read from the object (identity, geometry, contours, dose values),
  -- independent of the transfer syntax: the same object re-encoded by a router is a duplicate,
  -- not a conflicting correction.
  `ContentFingerprint` char(64) NOT NULL,
  `FilePath` varchar(255) NOT NULL,
  -- The channel: REST, STOW_RS, DIMSE, DROP_FOLDER, UPLOAD, IMPORT.
  `Channel` varchar(16) NOT NULL,
  -- Calling AE title, client address or file name: where it came from.
  `Origin` varchar(255) NULL,
  `ReceivedAt` datetime(6) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `rtds_object_user_sop_uid_uniq` (`fk_user_id_id`, `SOPInstanceUID`),
  KEY `rtds_object_content_sha256` (`ContentSHA256`),
  KEY `rtds_object_fk_study_id_id_fk_studies_id` (`fk_study_id_id`),
  CONSTRAINT `rtds_object_fk_study_id_id_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `rtds_object_fk_user_id_id_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every object RTDS refused, with the reason; the bytes stay in the file store (`FilePath`), so
-- nothing received is lost and a refused object can be examined or sent again.
CREATE TABLE `rtds_rejection` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  -- The SOP Instance / Class UID when the object was readable far enough to tell.
  `SOPInstanceUID` varchar(64) NULL,
  `SOPClassUID` varchar(64) NULL,
  `ContentSHA256` char(64) NOT NULL,
  `SizeBytes` bigint(20) NOT NULL,
  `FilePath` varchar(255) NOT NULL,
  -- Machine-readable reason (e.g. NOT_DICOM, TRUNCATED, MISSING_ATTRIBUTE, CONFLICT) and the
  -- human-readable explanation returned to the sender.
  `ReasonCode` varchar(32) NOT NULL,
  `Reason` varchar(1000) NOT NULL,
  `Channel` varchar(16) NOT NULL,
  `Origin` varchar(255) NULL,
  `ReceivedAt` datetime(6) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `rtds_rejection_received_at` (`ReceivedAt`),
  CONSTRAINT `rtds_rejection_fk_user_id_id_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Feature computation of a study, claimed through the database so that one node runs it once:
-- PENDING (waiting for inputs or a worker) -> RUNNING (claimed by `ClaimedBy` until
-- `LeaseUntil`) -> DONE or FAILED. `RequestedGeneration` grows each time new inputs arrive; a run
-- that finishes for an older generation leaves the job PENDING, so late objects are never missed.
CREATE TABLE `rtds_feature_job` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `Status` varchar(16) NOT NULL,
  `Detail` varchar(1000) NULL,
  `RequestedGeneration` int(11) NOT NULL,
  `ComputedGeneration` int(11) NOT NULL,
  `Attempts` int(11) NOT NULL,
  `ClaimedBy` varchar(100) NULL,
  `LeaseUntil` datetime(6) NULL,
  `UpdatedAt` datetime(6) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `rtds_feature_job_study_uniq` (`fk_study_id_id`),
  KEY `rtds_feature_job_status` (`Status`),
  CONSTRAINT `rtds_feature_job_fk_study_id_id_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
