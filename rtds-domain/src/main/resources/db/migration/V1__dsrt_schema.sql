-- RTDS schema version 1: the 26 tables of the legacy dsrt database, exactly as documented in
-- shared/spec/dsrt-schema.md (names, legacy spellings and column types unchanged), with the keys a
-- Django 1.11 application creates on MySQL/MariaDB:
--   * every table has the auto-increment primary key `id` (django_session: `session_key`);
--   * a foreign key constraint, named the Django way (<table>_<column>_<md5 digest>_fk_<target>_id,
--     shortened to 64 characters), for every column that references another table, without ON DELETE
--     actions (Django emulates cascades in Python; RTDS deletes children explicitly);
--   * an index on every foreign key column: its own KEY named like the constraint, or the leading
--     column of a unique key;
--   * Django's unique keys (auth_user.username, auth_group.name, userprofile_userprofile.user_id,
--     auth_permission(content_type_id, codename), django_content_type(app_label, model) and the
--     three many-to-many link tables) and the django_session.expire_date index.
-- Nullability (the document does not give it): NOT NULL for primary keys, Django's own columns as
-- Django creates them, identifying DICOM UIDs, the foreign keys that place a row in the
-- patient/study/series/object hierarchy, and the payload of feature rows (contour points, DVH data,
-- OVH/STS histograms, isodose pixels); NULL for the optional fk_user_id_id columns ("not needed"),
-- for DICOM attributes that a real file may lack (types 2 and 3, or absent in non-conformant files:
-- storing NULL instead of a fake 0 keeps "unknown" distinguishable) and for derived values that may
-- not be computed yet.
-- This script runs only on an empty schema. An existing legacy dsrt database is adopted at version 1
-- without running it (see org.rtds.domain.schema.SchemaMigrator).

CREATE TABLE `django_content_type` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `app_label` varchar(100) NOT NULL,
  `model` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `django_content_type_app_label_model_76bd3d3b_uniq` (`app_label`, `model`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `auth_permission` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `content_type_id` int(11) NOT NULL,
  `codename` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `auth_permission_content_type_id_codename_01ab375a_uniq` (`content_type_id`, `codename`),
  CONSTRAINT `auth_permission_content_type_id_2f476e4b_fk_django_co` FOREIGN KEY (`content_type_id`) REFERENCES `django_content_type` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `auth_group` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(80) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `auth_group_permissions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `group_id` int(11) NOT NULL,
  `permission_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `auth_group_permissions_group_id_permission_id_0cd325b0_uniq` (`group_id`, `permission_id`),
  KEY `auth_group_permissio_permission_id_84c5c92e_fk_auth_perm` (`permission_id`),
  CONSTRAINT `auth_group_permissions_group_id_b120cbf9_fk_auth_group_id` FOREIGN KEY (`group_id`) REFERENCES `auth_group` (`id`),
  CONSTRAINT `auth_group_permissio_permission_id_84c5c92e_fk_auth_perm` FOREIGN KEY (`permission_id`) REFERENCES `auth_permission` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `auth_user` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `password` varchar(128) NOT NULL,
  `last_login` datetime NULL,
  `is_superuser` tinyint(1) NOT NULL,
  `username` varchar(150) NOT NULL,
  `first_name` varchar(30) NOT NULL,
  `last_name` varchar(30) NOT NULL,
  `email` varchar(254) NOT NULL,
  `is_staff` tinyint(1) NOT NULL,
  `is_active` tinyint(1) NOT NULL,
  `date_joined` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `username` (`username`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `auth_user_groups` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `user_id` int(11) NOT NULL,
  `group_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `auth_user_groups_user_id_group_id_94350c0c_uniq` (`user_id`, `group_id`),
  KEY `auth_user_groups_group_id_97559544_fk_auth_group_id` (`group_id`),
  CONSTRAINT `auth_user_groups_user_id_6a12ed8b_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`),
  CONSTRAINT `auth_user_groups_group_id_97559544_fk_auth_group_id` FOREIGN KEY (`group_id`) REFERENCES `auth_group` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `auth_user_user_permissions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `user_id` int(11) NOT NULL,
  `permission_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `auth_user_user_permissions_user_id_permission_id_14a6b632_uniq` (`user_id`, `permission_id`),
  KEY `auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm` (`permission_id`),
  CONSTRAINT `auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`),
  CONSTRAINT `auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm` FOREIGN KEY (`permission_id`) REFERENCES `auth_permission` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `django_admin_log` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `action_flag` smallint(5) unsigned NOT NULL,
  `action_time` datetime NOT NULL,
  `change_message` longtext NOT NULL,
  `content_type_id` int(11) NULL,
  `object_id` longtext NULL,
  `object_repr` varchar(200) NOT NULL,
  `user_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `django_admin_log_content_type_id_c4bce8eb_fk_django_co` (`content_type_id`),
  KEY `django_admin_log_user_id_c564eba6_fk_auth_user_id` (`user_id`),
  CONSTRAINT `django_admin_log_content_type_id_c4bce8eb_fk_django_co` FOREIGN KEY (`content_type_id`) REFERENCES `django_content_type` (`id`),
  CONSTRAINT `django_admin_log_user_id_c564eba6_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `django_migrations` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `app` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `applied` datetime NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `django_session` (
  `session_key` varchar(40) NOT NULL,
  `session_data` longtext NOT NULL,
  `expire_date` datetime NOT NULL,
  PRIMARY KEY (`session_key`),
  KEY `django_session_expire_date_a5c62663` (`expire_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `userprofile_userprofile` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `occupation` varchar(30) NULL,
  `institution` varchar(30) NULL,
  `birthday` date NULL,
  `location` varchar(30) NULL,
  `bio` longtext NULL,
  `user_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_id` (`user_id`),
  CONSTRAINT `userprofile_userprofile_user_id_59dda034_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `patients` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `PatientName` varchar(200) NULL,
  `BirthDate` date NULL,
  `Gender` varchar(20) NULL,
  `EnthicGroup` varchar(200) NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `patients_fk_user_id_id_a58991fb_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `patients_fk_user_id_id_a58991fb_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `studies` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `StudyInstanceUID` varchar(200) NOT NULL,
  `StudyDate` date NULL,
  `StudyDescription` varchar(200) NULL,
  `TotalSeries` int(11) NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `studies_fk_patient_id_id_8db32186_fk_patients_id` (`fk_patient_id_id`),
  KEY `studies_fk_user_id_id_9e1b58ec_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `studies_fk_patient_id_id_8db32186_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `studies_fk_user_id_id_9e1b58ec_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `series` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SeriesInstanceUID` varchar(200) NOT NULL,
  `SeriesDate` date NULL,
  `SeriesDescription` varchar(200) NULL,
  `SeriesType` varchar(100) NULL,
  `Modality` varchar(100) NULL,
  `SeriesNumber` varchar(100) NULL,
  `PhysicianOfRecord` varchar(100) NULL,
  `Manufacturer` varchar(50) NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `series_fk_patient_id_id_1cda23db_fk_patients_id` (`fk_patient_id_id`),
  KEY `series_fk_study_id_id_6907e445_fk_studies_id` (`fk_study_id_id`),
  KEY `series_fk_user_id_id_5e9c721c_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `series_fk_patient_id_id_1cda23db_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `series_fk_study_id_id_6907e445_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `series_fk_user_id_id_5e9c721c_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ct_images` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SOPInstanceUID` varchar(200) NOT NULL,
  `SOPClassUID` varchar(100) NOT NULL,
  `ImageType` varchar(100) NULL,
  `PhotometricInterpretation` varchar(20) NULL,
  `RescaleSlope` int(11) NULL,
  `RescaleIntercept` int(11) NULL,
  `SliceLocation` int(11) NULL,
  `PixelSpacing` varchar(50) NULL,
  `ImageOrientationPatient` varchar(100) NULL,
  `ImagePositionPatient` varchar(100) NULL,
  `SliceThickness` varchar(100) NULL,
  `BodypartExamined` varchar(100) NULL,
  `Rows` int(11) NULL,
  `Columns` int(11) NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `ct_images_fk_patient_id_id_8ba307cd_fk_patients_id` (`fk_patient_id_id`),
  KEY `ct_images_fk_series_id_id_a5d46417_fk_series_id` (`fk_series_id_id`),
  KEY `ct_images_fk_study_id_id_9ba7f608_fk_studies_id` (`fk_study_id_id`),
  KEY `ct_images_fk_user_id_id_d0b00e8a_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `ct_images_fk_patient_id_id_8ba307cd_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `ct_images_fk_series_id_id_a5d46417_fk_series_id` FOREIGN KEY (`fk_series_id_id`) REFERENCES `series` (`id`),
  CONSTRAINT `ct_images_fk_study_id_id_9ba7f608_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `ct_images_fk_user_id_id_d0b00e8a_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `rt_structureset` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SOPInstanceUID` varchar(200) NOT NULL,
  `SOPClassUID` varchar(200) NOT NULL,
  `TotalROIs` int(11) NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `rt_structureset_fk_patient_id_id_572cb870_fk_patients_id` (`fk_patient_id_id`),
  KEY `rt_structureset_fk_series_id_id_36603391_fk_series_id` (`fk_series_id_id`),
  KEY `rt_structureset_fk_study_id_id_decdb86e_fk_studies_id` (`fk_study_id_id`),
  KEY `rt_structureset_fk_user_id_id_22e66144_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `rt_structureset_fk_patient_id_id_572cb870_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `rt_structureset_fk_series_id_id_36603391_fk_series_id` FOREIGN KEY (`fk_series_id_id`) REFERENCES `series` (`id`),
  CONSTRAINT `rt_structureset_fk_study_id_id_decdb86e_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `rt_structureset_fk_user_id_id_22e66144_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `rt_rois` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `ROIName` varchar(100) NOT NULL,
  `Volume` double NULL,
  `TotalContours` int(11) NULL,
  `fk_structureset_id_id` int(11) NOT NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  `ROINumber` varchar(200) NULL,
  PRIMARY KEY (`id`),
  KEY `rt_rois_fk_structureset_id_id_e7928321_fk_rt_structureset_id` (`fk_structureset_id_id`),
  KEY `rt_rois_fk_patient_id_id_a770a41f_fk_patients_id` (`fk_patient_id_id`),
  KEY `rt_rois_fk_series_id_id_22fe9ae1_fk_series_id` (`fk_series_id_id`),
  KEY `rt_rois_fk_study_id_id_3ec331b9_fk_studies_id` (`fk_study_id_id`),
  KEY `rt_rois_fk_user_id_id_aa95db65_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `rt_rois_fk_structureset_id_id_e7928321_fk_rt_structureset_id` FOREIGN KEY (`fk_structureset_id_id`) REFERENCES `rt_structureset` (`id`),
  CONSTRAINT `rt_rois_fk_patient_id_id_a770a41f_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `rt_rois_fk_series_id_id_22fe9ae1_fk_series_id` FOREIGN KEY (`fk_series_id_id`) REFERENCES `series` (`id`),
  CONSTRAINT `rt_rois_fk_study_id_id_3ec331b9_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `rt_rois_fk_user_id_id_aa95db65_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `rt_contour` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `ContourGeometricType` varchar(100) NULL,
  `NumberOfContourPoints` int(11) NULL,
  `ContourData` longtext NOT NULL,
  `ReferencedSOPClassUID` varchar(100) NULL,
  `ReferencedSOPInstanceUID` varchar(100) NULL,
  `fk_roi_id_id` int(11) NOT NULL,
  `fk_structureset_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `rt_contour_fk_roi_id_id_dfe7b2d5_fk_rt_rois_id` (`fk_roi_id_id`),
  KEY `rt_contour_fk_structureset_id_id_144a3a6c_fk_rt_structureset_id` (`fk_structureset_id_id`),
  CONSTRAINT `rt_contour_fk_roi_id_id_dfe7b2d5_fk_rt_rois_id` FOREIGN KEY (`fk_roi_id_id`) REFERENCES `rt_rois` (`id`),
  CONSTRAINT `rt_contour_fk_structureset_id_id_144a3a6c_fk_rt_structureset_id` FOREIGN KEY (`fk_structureset_id_id`) REFERENCES `rt_structureset` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `rt_dose` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SOPClassUID` varchar(100) NOT NULL,
  `SOPInstanceUID` varchar(100) NOT NULL,
  `DoseGridScaling` varchar(100) NULL,
  `DoseSummationType` varchar(100) NULL,
  `DoseType` varchar(100) NULL,
  `DoseUnits` varchar(100) NULL,
  `eferencedRTPlanSequence` varchar(100) NULL,
  `ReferencedStructureSetSequence` varchar(100) NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `rt_dose_fk_patient_id_id_9b3ed603_fk_patients_id` (`fk_patient_id_id`),
  KEY `rt_dose_fk_series_id_id_86405880_fk_series_id` (`fk_series_id_id`),
  KEY `rt_dose_fk_study_id_id_c7d9e0cb_fk_studies_id` (`fk_study_id_id`),
  KEY `rt_dose_fk_user_id_id_74a6ce47_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `rt_dose_fk_patient_id_id_9b3ed603_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `rt_dose_fk_series_id_id_86405880_fk_series_id` FOREIGN KEY (`fk_series_id_id`) REFERENCES `series` (`id`),
  CONSTRAINT `rt_dose_fk_study_id_id_c7d9e0cb_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `rt_dose_fk_user_id_id_74a6ce47_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `rt_dose_image` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `columns` int(11) NULL,
  `rows` int(11) NULL,
  `ImageOrientationPatient` varchar(20) NULL,
  `ImagePositionPatient` varchar(20) NULL,
  `PhotometricInterpretation` varchar(20) NULL,
  `PixelSpacing` varchar(20) NULL,
  `NumberOfFrames` int(11) NULL,
  `ImageData` longtext NOT NULL,
  `fk_dose_id_id` int(11) NOT NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `rt_dose_image_fk_dose_id_id_40e2466c_fk_rt_dose_id` (`fk_dose_id_id`),
  KEY `rt_dose_image_fk_patient_id_id_f6ab8e19_fk_patients_id` (`fk_patient_id_id`),
  KEY `rt_dose_image_fk_series_id_id_f7a02636_fk_series_id` (`fk_series_id_id`),
  KEY `rt_dose_image_fk_study_id_id_8f4db19f_fk_studies_id` (`fk_study_id_id`),
  KEY `rt_dose_image_fk_user_id_id_296e71bf_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `rt_dose_image_fk_dose_id_id_40e2466c_fk_rt_dose_id` FOREIGN KEY (`fk_dose_id_id`) REFERENCES `rt_dose` (`id`),
  CONSTRAINT `rt_dose_image_fk_patient_id_id_f6ab8e19_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `rt_dose_image_fk_series_id_id_f7a02636_fk_series_id` FOREIGN KEY (`fk_series_id_id`) REFERENCES `series` (`id`),
  CONSTRAINT `rt_dose_image_fk_study_id_id_8f4db19f_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `rt_dose_image_fk_user_id_id_296e71bf_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `rt_dvh` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `DVHDoseScaling` varchar(20) NULL,
  `DVHMaximumDose` double NULL,
  `DVHMeanDose` double NULL,
  `DVHMinimumDose` double NULL,
  `DVHNumberOfBins` double NULL,
  `DVHReferencedROI` varchar(10) NOT NULL,
  `DVHType` varchar(10) NULL,
  `DVHVolumeUnits` varchar(10) NULL,
  `DoseType` varchar(10) NULL,
  `DoseUnits` varchar(10) NULL,
  `DVHData` longtext NOT NULL,
  `fk_dose_id_id` int(11) NOT NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `rt_dvh_fk_dose_id_id_6a93df51_fk_rt_dose_id` (`fk_dose_id_id`),
  KEY `rt_dvh_fk_patient_id_id_da001f66_fk_patients_id` (`fk_patient_id_id`),
  KEY `rt_dvh_fk_series_id_id_ae5f8371_fk_series_id` (`fk_series_id_id`),
  KEY `rt_dvh_fk_study_id_81024408_fk_studies_id` (`fk_study_id`),
  KEY `rt_dvh_fk_user_id_id_a3e877e1_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `rt_dvh_fk_dose_id_id_6a93df51_fk_rt_dose_id` FOREIGN KEY (`fk_dose_id_id`) REFERENCES `rt_dose` (`id`),
  CONSTRAINT `rt_dvh_fk_patient_id_id_da001f66_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `rt_dvh_fk_series_id_id_ae5f8371_fk_series_id` FOREIGN KEY (`fk_series_id_id`) REFERENCES `series` (`id`),
  CONSTRAINT `rt_dvh_fk_study_id_81024408_fk_studies_id` FOREIGN KEY (`fk_study_id`) REFERENCES `studies` (`id`),
  CONSTRAINT `rt_dvh_fk_user_id_id_a3e877e1_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `rt_isdose` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `RowPosition` longtext NOT NULL,
  `ColumnPosition` longtext NOT NULL,
  `IsDoseValue` int(11) NOT NULL,
  `fk_ct_image_id_id` int(11) NOT NULL,
  `fk_dose_id_id` int(11) NOT NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `rt_isdose_fk_ct_image_id_id_62fff591_fk_ct_images_id` (`fk_ct_image_id_id`),
  KEY `rt_isdose_fk_dose_id_id_2ff5460a_fk_rt_dose_id` (`fk_dose_id_id`),
  KEY `rt_isdose_fk_patient_id_id_9768a4ba_fk_patients_id` (`fk_patient_id_id`),
  KEY `rt_isdose_fk_series_id_id_ff4092b2_fk_series_id` (`fk_series_id_id`),
  KEY `rt_isdose_fk_study_id_id_c9b4fa76_fk_studies_id` (`fk_study_id_id`),
  CONSTRAINT `rt_isdose_fk_ct_image_id_id_62fff591_fk_ct_images_id` FOREIGN KEY (`fk_ct_image_id_id`) REFERENCES `ct_images` (`id`),
  CONSTRAINT `rt_isdose_fk_dose_id_id_2ff5460a_fk_rt_dose_id` FOREIGN KEY (`fk_dose_id_id`) REFERENCES `rt_dose` (`id`),
  CONSTRAINT `rt_isdose_fk_patient_id_id_9768a4ba_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `rt_isdose_fk_series_id_id_ff4092b2_fk_series_id` FOREIGN KEY (`fk_series_id_id`) REFERENCES `series` (`id`),
  CONSTRAINT `rt_isdose_fk_study_id_id_c9b4fa76_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `oar_dictionary` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `ROIName` varchar(100) NOT NULL,
  `ROIDisplayColor` varchar(100) NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ovh` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `binValue` longtext NOT NULL,
  `binAmount` longtext NOT NULL,
  `OverlapArea` int(11) NULL,
  `ptv_id` int(11) NOT NULL,
  `OAR_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ovh_ptv_id_2de0f2b7_fk_oar_dictionary_id` (`ptv_id`),
  KEY `ovh_OAR_id_a06ee631_fk_oar_dictionary_id` (`OAR_id`),
  KEY `ovh_fk_study_id_id_61b4459b_fk_studies_id` (`fk_study_id_id`),
  CONSTRAINT `ovh_ptv_id_2de0f2b7_fk_oar_dictionary_id` FOREIGN KEY (`ptv_id`) REFERENCES `oar_dictionary` (`id`),
  CONSTRAINT `ovh_OAR_id_a06ee631_fk_oar_dictionary_id` FOREIGN KEY (`OAR_id`) REFERENCES `oar_dictionary` (`id`),
  CONSTRAINT `ovh_fk_study_id_id_61b4459b_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `sts` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `elevation_bins` longtext NOT NULL,
  `distance_bins` longtext NOT NULL,
  `azimuth_bins` longtext NOT NULL,
  `amounts` longtext NOT NULL,
  `ptv_id` int(11) NOT NULL,
  `OAR_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `sts_ptv_id_b9868772_fk_oar_dictionary_id` (`ptv_id`),
  KEY `sts_OAR_id_7ca495b2_fk_oar_dictionary_id` (`OAR_id`),
  KEY `sts_fk_study_id_id_d4adf315_fk_studies_id` (`fk_study_id_id`),
  CONSTRAINT `sts_ptv_id_b9868772_fk_oar_dictionary_id` FOREIGN KEY (`ptv_id`) REFERENCES `oar_dictionary` (`id`),
  CONSTRAINT `sts_OAR_id_7ca495b2_fk_oar_dictionary_id` FOREIGN KEY (`OAR_id`) REFERENCES `oar_dictionary` (`id`),
  CONSTRAINT `sts_fk_study_id_id_d4adf315_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `similarity` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `DBStudyID` varchar(100) NOT NULL,
  `Similarity` double NULL,
  `OVHDissimilarity` double NULL,
  `STSDissimilarity` double NULL,
  `TargetOAR` varchar(200) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `similarity_fk_study_id_id_ff0bd3c9_fk_studies_id` (`fk_study_id_id`),
  CONSTRAINT `similarity_fk_study_id_id_ff0bd3c9_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

