-- A legacy dsrt database as the original Django application (Django 1.11 on MySQL 5.7) created and
-- filled it, for LegacyAdoptionIT: the 26 tables of docs/schema.md without any Flyway
-- history, with Django's conventions where they differ from RTDS's V1 migration:
--   * DateTimeField columns are datetime(6) (microseconds), not datetime;
--   * the tables use the utf8 (utf8mb3) character set that MySQL 5.7 set-ups commonly had;
--   * columns are NOT NULL unless Django makes them nullable (last_login, the admin log's
--     content_type_id and object_id) or the document marks them optional (BirthDate, birthday,
--     fk_user_id_id);
--   * constraint and index names are Django's (<table>_<column>_<md5 digest>_fk_<target>_id);
--   * rt_dose's plan column is `ReferencedRTPlanSequence`, as the Django model names it (the schema
--     document and RTDS's V1 lost its first letter: `eferencedRTPlanSequence`; V5 renames that).
-- The rows are invented, shaped like real ones (a prostate case of the UCLA_PR_* cohort style).

CREATE TABLE `django_content_type` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `app_label` varchar(100) NOT NULL,
  `model` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `django_content_type_app_label_model_76bd3d3b_uniq` (`app_label`, `model`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `auth_permission` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `content_type_id` int(11) NOT NULL,
  `codename` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `auth_permission_content_type_id_codename_01ab375a_uniq` (`content_type_id`, `codename`),
  CONSTRAINT `auth_permission_content_type_id_2f476e4b_fk_django_co` FOREIGN KEY (`content_type_id`) REFERENCES `django_content_type` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `auth_group` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(80) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `auth_group_permissions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `group_id` int(11) NOT NULL,
  `permission_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `auth_group_permissions_group_id_permission_id_0cd325b0_uniq` (`group_id`, `permission_id`),
  KEY `auth_group_permissio_permission_id_84c5c92e_fk_auth_perm` (`permission_id`),
  CONSTRAINT `auth_group_permissions_group_id_b120cbf9_fk_auth_group_id` FOREIGN KEY (`group_id`) REFERENCES `auth_group` (`id`),
  CONSTRAINT `auth_group_permissio_permission_id_84c5c92e_fk_auth_perm` FOREIGN KEY (`permission_id`) REFERENCES `auth_permission` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `auth_user` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `password` varchar(128) NOT NULL,
  `last_login` datetime(6) NULL,
  `is_superuser` tinyint(1) NOT NULL,
  `username` varchar(150) NOT NULL,
  `first_name` varchar(30) NOT NULL,
  `last_name` varchar(30) NOT NULL,
  `email` varchar(254) NOT NULL,
  `is_staff` tinyint(1) NOT NULL,
  `is_active` tinyint(1) NOT NULL,
  `date_joined` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `username` (`username`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `auth_user_groups` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `user_id` int(11) NOT NULL,
  `group_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `auth_user_groups_user_id_group_id_94350c0c_uniq` (`user_id`, `group_id`),
  KEY `auth_user_groups_group_id_97559544_fk_auth_group_id` (`group_id`),
  CONSTRAINT `auth_user_groups_user_id_6a12ed8b_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`),
  CONSTRAINT `auth_user_groups_group_id_97559544_fk_auth_group_id` FOREIGN KEY (`group_id`) REFERENCES `auth_group` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `auth_user_user_permissions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `user_id` int(11) NOT NULL,
  `permission_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `auth_user_user_permissions_user_id_permission_id_14a6b632_uniq` (`user_id`, `permission_id`),
  KEY `auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm` (`permission_id`),
  CONSTRAINT `auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`),
  CONSTRAINT `auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm` FOREIGN KEY (`permission_id`) REFERENCES `auth_permission` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `django_admin_log` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `action_flag` smallint(5) unsigned NOT NULL,
  `action_time` datetime(6) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `django_migrations` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `app` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `applied` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `django_session` (
  `session_key` varchar(40) NOT NULL,
  `session_data` longtext NOT NULL,
  `expire_date` datetime(6) NOT NULL,
  PRIMARY KEY (`session_key`),
  KEY `django_session_expire_date_a5c62663` (`expire_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `userprofile_userprofile` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `occupation` varchar(30) NOT NULL,
  `institution` varchar(30) NOT NULL,
  `birthday` date NULL,
  `location` varchar(30) NOT NULL,
  `bio` longtext NOT NULL,
  `user_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `user_id` (`user_id`),
  CONSTRAINT `userprofile_userprofile_user_id_59dda034_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `patients` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `PatientName` varchar(200) NOT NULL,
  `BirthDate` date NULL,
  `Gender` varchar(20) NOT NULL,
  `EnthicGroup` varchar(200) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `patients_fk_user_id_id_a58991fb_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `patients_fk_user_id_id_a58991fb_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `studies` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `StudyInstanceUID` varchar(200) NOT NULL,
  `StudyDate` date NOT NULL,
  `StudyDescription` varchar(200) NOT NULL,
  `TotalSeries` int(11) NOT NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  PRIMARY KEY (`id`),
  KEY `studies_fk_patient_id_id_8db32186_fk_patients_id` (`fk_patient_id_id`),
  KEY `studies_fk_user_id_id_9e1b58ec_fk_auth_user_id` (`fk_user_id_id`),
  CONSTRAINT `studies_fk_patient_id_id_8db32186_fk_patients_id` FOREIGN KEY (`fk_patient_id_id`) REFERENCES `patients` (`id`),
  CONSTRAINT `studies_fk_user_id_id_9e1b58ec_fk_auth_user_id` FOREIGN KEY (`fk_user_id_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `series` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SeriesInstanceUID` varchar(200) NOT NULL,
  `SeriesDate` date NOT NULL,
  `SeriesDescription` varchar(200) NOT NULL,
  `SeriesType` varchar(100) NOT NULL,
  `Modality` varchar(100) NOT NULL,
  `SeriesNumber` varchar(100) NOT NULL,
  `PhysicianOfRecord` varchar(100) NOT NULL,
  `Manufacturer` varchar(50) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `ct_images` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SOPInstanceUID` varchar(200) NOT NULL,
  `SOPClassUID` varchar(100) NOT NULL,
  `ImageType` varchar(100) NOT NULL,
  `PhotometricInterpretation` varchar(20) NOT NULL,
  `RescaleSlope` int(11) NOT NULL,
  `RescaleIntercept` int(11) NOT NULL,
  `SliceLocation` int(11) NOT NULL,
  `PixelSpacing` varchar(50) NOT NULL,
  `ImageOrientationPatient` varchar(100) NOT NULL,
  `ImagePositionPatient` varchar(100) NOT NULL,
  `SliceThickness` varchar(100) NOT NULL,
  `BodypartExamined` varchar(100) NOT NULL,
  `Rows` int(11) NOT NULL,
  `Columns` int(11) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `rt_structureset` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SOPInstanceUID` varchar(200) NOT NULL,
  `SOPClassUID` varchar(200) NOT NULL,
  `TotalROIs` int(11) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `rt_rois` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `ROIName` varchar(100) NOT NULL,
  `Volume` double NOT NULL,
  `TotalContours` int(11) NOT NULL,
  `fk_structureset_id_id` int(11) NOT NULL,
  `fk_patient_id_id` int(11) NOT NULL,
  `fk_series_id_id` int(11) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  `fk_user_id_id` int(11) NULL,
  `ROINumber` varchar(200) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `rt_contour` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `ContourGeometricType` varchar(100) NOT NULL,
  `NumberOfContourPoints` int(11) NOT NULL,
  `ContourData` longtext NOT NULL,
  `ReferencedSOPClassUID` varchar(100) NOT NULL,
  `ReferencedSOPInstanceUID` varchar(100) NOT NULL,
  `fk_roi_id_id` int(11) NOT NULL,
  `fk_structureset_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `rt_contour_fk_roi_id_id_dfe7b2d5_fk_rt_rois_id` (`fk_roi_id_id`),
  KEY `rt_contour_fk_structureset_id_id_144a3a6c_fk_rt_structureset_id` (`fk_structureset_id_id`),
  CONSTRAINT `rt_contour_fk_roi_id_id_dfe7b2d5_fk_rt_rois_id` FOREIGN KEY (`fk_roi_id_id`) REFERENCES `rt_rois` (`id`),
  CONSTRAINT `rt_contour_fk_structureset_id_id_144a3a6c_fk_rt_structureset_id` FOREIGN KEY (`fk_structureset_id_id`) REFERENCES `rt_structureset` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `rt_dose` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `SOPClassUID` varchar(100) NOT NULL,
  `SOPInstanceUID` varchar(100) NOT NULL,
  `DoseGridScaling` varchar(100) NOT NULL,
  `DoseSummationType` varchar(100) NOT NULL,
  `DoseType` varchar(100) NOT NULL,
  `DoseUnits` varchar(100) NOT NULL,
  `ReferencedRTPlanSequence` varchar(100) NOT NULL,
  `ReferencedStructureSetSequence` varchar(100) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `rt_dose_image` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `columns` int(11) NOT NULL,
  `rows` int(11) NOT NULL,
  `ImageOrientationPatient` varchar(20) NOT NULL,
  `ImagePositionPatient` varchar(20) NOT NULL,
  `PhotometricInterpretation` varchar(20) NOT NULL,
  `PixelSpacing` varchar(20) NOT NULL,
  `NumberOfFrames` int(11) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `rt_dvh` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `DVHDoseScaling` varchar(20) NOT NULL,
  `DVHMaximumDose` double NOT NULL,
  `DVHMeanDose` double NOT NULL,
  `DVHMinimumDose` double NOT NULL,
  `DVHNumberOfBins` double NOT NULL,
  `DVHReferencedROI` varchar(10) NOT NULL,
  `DVHType` varchar(10) NOT NULL,
  `DVHVolumeUnits` varchar(10) NOT NULL,
  `DoseType` varchar(10) NOT NULL,
  `DoseUnits` varchar(10) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `oar_dictionary` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `ROIName` varchar(100) NOT NULL,
  `ROIDisplayColor` varchar(100) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `ovh` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `binValue` longtext NOT NULL,
  `binAmount` longtext NOT NULL,
  `OverlapArea` int(11) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

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
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `similarity` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `DBStudyID` varchar(100) NOT NULL,
  `Similarity` double NOT NULL,
  `OVHDissimilarity` double NOT NULL,
  `STSDissimilarity` double NOT NULL,
  `TargetOAR` varchar(200) NOT NULL,
  `fk_study_id_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `similarity_fk_study_id_id_ff0bd3c9_fk_studies_id` (`fk_study_id_id`),
  CONSTRAINT `similarity_fk_study_id_id_ff0bd3c9_fk_studies_id` FOREIGN KEY (`fk_study_id_id`) REFERENCES `studies` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

INSERT INTO `django_content_type` (`id`, `app_label`, `model`) VALUES
  (1, 'admin', 'logentry'),
  (2, 'auth', 'permission'),
  (3, 'auth', 'group'),
  (4, 'auth', 'user'),
  (5, 'contenttypes', 'contenttype'),
  (6, 'sessions', 'session'),
  (7, 'userprofile', 'userprofile'),
  (8, 'dsrt', 'patient'),
  (9, 'dsrt', 'study');

INSERT INTO `auth_permission` (`id`, `name`, `content_type_id`, `codename`) VALUES
  (1, 'Can add log entry', 1, 'add_logentry'),
  (10, 'Can add user', 4, 'add_user'),
  (11, 'Can change user', 4, 'change_user'),
  (22, 'Can add patient', 8, 'add_patient'),
  (23, 'Can change patient', 8, 'change_patient'),
  (24, 'Can delete patient', 8, 'delete_patient');

INSERT INTO `auth_group` (`id`, `name`) VALUES
  (1, 'admins'),
  (2, 'UCLA doctors');

INSERT INTO `auth_group_permissions` (`id`, `group_id`, `permission_id`) VALUES
  (1, 1, 10),
  (2, 1, 11),
  (3, 2, 22),
  (4, 2, 23);

INSERT INTO `auth_user` (`id`, `password`, `last_login`, `is_superuser`, `username`, `first_name`,
    `last_name`, `email`, `is_staff`, `is_active`, `date_joined`) VALUES
  (1, 'pbkdf2_sha256$36000$hU4dYyQ3sQ7L$QqZ8tV3rR2o8o2J1cDk7w1m0yG9V7m5l3iUuXqz5f3E=',
      '2018-03-02 17:45:12.123456', 1, 'admin1', '', '', 'admin1@example.org', 1, 1,
      '2017-10-11 09:00:00.000000'),
  (2, 'pbkdf2_sha256$36000$Zr1pK8b2xW9n$8bq2aQ1rWm5d0Zy3Fh6Jc4kV9eT7uN2pL0sXo1iAa0c=',
      NULL, 0, 'jdoe', 'Jürgen', 'Müller', 'jdoe@example.org', 0, 1,
      '2017-11-20 14:30:05.500000'),
  (3, '!Xk2v9QyL0aP4wB7rT1mN8cZ5eH3jU6sD', NULL, 0, 'former', 'Ann', 'Lee', '', 0, 0,
      '2017-12-01 08:00:00.000000');

INSERT INTO `auth_user_groups` (`id`, `user_id`, `group_id`) VALUES
  (1, 1, 1),
  (2, 2, 2);

INSERT INTO `auth_user_user_permissions` (`id`, `user_id`, `permission_id`) VALUES
  (1, 2, 24);

INSERT INTO `django_admin_log` (`id`, `action_flag`, `action_time`, `change_message`,
    `content_type_id`, `object_id`, `object_repr`, `user_id`) VALUES
  (1, 1, '2017-11-20 14:31:00.000000', '[{"added": {}}]', 4, '2', 'jdoe', 1),
  (2, 2, '2017-12-01 08:05:00.000000', '', NULL, NULL, 'bulk edit', 1);

INSERT INTO `django_migrations` (`id`, `app`, `name`, `applied`) VALUES
  (1, 'contenttypes', '0001_initial', '2017-10-11 08:59:58.100000'),
  (2, 'auth', '0001_initial', '2017-10-11 08:59:58.400000'),
  (3, 'admin', '0001_initial', '2017-10-11 08:59:58.600000'),
  (4, 'auth', '0008_alter_user_username_max_length', '2017-10-11 08:59:59.000000'),
  (5, 'sessions', '0001_initial', '2017-10-11 08:59:59.200000'),
  (6, 'userprofile', '0001_initial', '2017-10-11 08:59:59.300000'),
  (7, 'dsrt', '0001_initial', '2017-10-11 08:59:59.500000');

INSERT INTO `django_session` (`session_key`, `session_data`, `expire_date`) VALUES
  ('8x1q7w0kz3l2m4n5b6v7c8x9z0a1s2d3', 'MmI4ZDQ5YzE6eyJfYXV0aF91c2VyX2lkIjoiMSJ9', '2018-03-16 17:45:12.123456');

INSERT INTO `userprofile_userprofile` (`id`, `occupation`, `institution`, `birthday`, `location`,
    `bio`, `user_id`) VALUES
  (1, 'Radiation Oncologist', 'UCLA', '1970-05-17', 'Los Angeles',
      'Dr. Doe, formerly at UCLA, now a radiation oncologist.', 2);

INSERT INTO `patients` (`id`, `PatientName`, `BirthDate`, `Gender`, `EnthicGroup`, `fk_user_id_id`) VALUES
  (1, 'UCLA_PR_5', '1948-02-29', 'M', 'White', 1),
  (2, 'Müller^Hans', NULL, 'M', '', 2);

INSERT INTO `studies` (`id`, `StudyInstanceUID`, `StudyDate`, `StudyDescription`, `TotalSeries`,
    `fk_patient_id_id`, `fk_user_id_id`) VALUES
  (1, '1.3.12.2.1107.5.1.4.49208.30000011032816434551500000004', '2011-03-28', 'PROSTATE IMRT', 3, 1, 1),
  (2, '1.2.826.0.1.3680043.8.498.10475627154930563524859012367845', '2012-06-01', 'Pelvis', 1, 2, 2);

INSERT INTO `series` (`id`, `SeriesInstanceUID`, `SeriesDate`, `SeriesDescription`, `SeriesType`,
    `Modality`, `SeriesNumber`, `PhysicianOfRecord`, `Manufacturer`, `fk_patient_id_id`,
    `fk_study_id_id`, `fk_user_id_id`) VALUES
  (1, '1.3.12.2.1107.5.1.4.49208.30000011032816434551500000005', '2011-03-28', 'Pelvis 3.0 B30f', 'CT',
      'CT', '2', 'DeMarco^John', 'SIEMENS', 1, 1, 1),
  (2, '1.2.246.352.71.2.1706542068.3448830.20110406091712', '2011-04-06', 'Oncentra Structure Set',
      'RTSTRUCT', 'RTSTRUCT', '1', 'DeMarco^John', 'Nucletron', 1, 1, 1),
  (3, '1.2.246.352.71.2.1706542068.3448831.20110406091712', '2011-04-06', 'Eclipse Doses', 'RTDOSE',
      'RTDOSE', '3', 'DeMarco^John', 'Varian Medical Systems', 1, 1, 1);

INSERT INTO `ct_images` (`id`, `SOPInstanceUID`, `SOPClassUID`, `ImageType`, `PhotometricInterpretation`,
    `RescaleSlope`, `RescaleIntercept`, `SliceLocation`, `PixelSpacing`, `ImageOrientationPatient`,
    `ImagePositionPatient`, `SliceThickness`, `BodypartExamined`, `Rows`, `Columns`,
    `fk_patient_id_id`, `fk_series_id_id`, `fk_study_id_id`, `fk_user_id_id`) VALUES
  (1, '1.3.12.2.1107.5.1.4.49208.30000011032816434551500001155', '1.2.840.10008.5.1.4.1.1.2',
      'ORIGINAL\\PRIMARY\\AXIAL', 'MONOCHROME2', 1, -1024, -12, '0.9765625\\0.9765625',
      '1\\0\\0\\0\\1\\0', '-249.51171875\\-432.01171875\\-12', '3', 'PROSTATE', 512, 512, 1, 1, 1, 1),
  (2, '1.3.12.2.1107.5.1.4.49208.30000011032816434551500001157', '1.2.840.10008.5.1.4.1.1.2',
      'ORIGINAL\\PRIMARY\\AXIAL', 'MONOCHROME2', 1, -1024, -9, '0.9765625\\0.9765625',
      '1\\0\\0\\0\\1\\0', '-249.51171875\\-432.01171875\\-9', '3', 'PROSTATE', 512, 512, 1, 1, 1, 1);

INSERT INTO `rt_structureset` (`id`, `SOPInstanceUID`, `SOPClassUID`, `TotalROIs`, `fk_patient_id_id`,
    `fk_series_id_id`, `fk_study_id_id`, `fk_user_id_id`) VALUES
  (1, '1.2.246.352.71.4.1706542068.3448830.20110406091712', '1.2.840.10008.5.1.4.1.1.481.3', 2, 1, 2, 1, 1);

INSERT INTO `rt_rois` (`id`, `ROIName`, `Volume`, `TotalContours`, `fk_structureset_id_id`,
    `fk_patient_id_id`, `fk_series_id_id`, `fk_study_id_id`, `fk_user_id_id`, `ROINumber`) VALUES
  (1, 'PTV', 93.4178, 2, 1, 1, 2, 1, 1, '1'),
  (2, 'Rectum', 61.25, 2, 1, 1, 2, 1, 1, '2');

INSERT INTO `rt_contour` (`id`, `ContourGeometricType`, `NumberOfContourPoints`, `ContourData`,
    `ReferencedSOPClassUID`, `ReferencedSOPInstanceUID`, `fk_roi_id_id`, `fk_structureset_id_id`) VALUES
  (1, 'CLOSED_PLANAR', 4, '-10.5,20.25,-12,10.5,20.25,-12,10.5,40.75,-12,-10.5,40.75,-12',
      '1.2.840.10008.5.1.4.1.1.2', '1.3.12.2.1107.5.1.4.49208.30000011032816434551500001155', 1, 1),
  (2, 'CLOSED_PLANAR', 3, '-5,60,-9,5,60,-9,0,70,-9',
      '1.2.840.10008.5.1.4.1.1.2', '1.3.12.2.1107.5.1.4.49208.30000011032816434551500001157', 2, 1);

INSERT INTO `rt_dose` (`id`, `SOPClassUID`, `SOPInstanceUID`, `DoseGridScaling`, `DoseSummationType`,
    `DoseType`, `DoseUnits`, `ReferencedRTPlanSequence`, `ReferencedStructureSetSequence`,
    `fk_patient_id_id`, `fk_series_id_id`, `fk_study_id_id`, `fk_user_id_id`) VALUES
  (1, '1.2.840.10008.5.1.4.1.1.481.2', '1.2.246.352.71.7.1706542068.3448832.20110406091712',
      '3.0517578125e-05', 'PLAN', 'PHYSICAL', 'GY', '1.2.246.352.71.5.1706542068.3448833.20110406091712',
      '1.2.246.352.71.4.1706542068.3448830.20110406091712', 1, 3, 1, 1),
  (2, '1.2.840.10008.5.1.4.1.1.481.2', '1.2.246.352.71.7.1706542068.3448832.20110406091713',
      '1.52587890625e-05', 'BEAM', 'PHYSICAL', 'GY', '1.2.246.352.71.5.1706542068.3448833.20110406091712',
      '1.2.246.352.71.4.1706542068.3448830.20110406091712', 1, 3, 1, 1);

INSERT INTO `rt_dose_image` (`id`, `columns`, `rows`, `ImageOrientationPatient`, `ImagePositionPatient`,
    `PhotometricInterpretation`, `PixelSpacing`, `NumberOfFrames`, `ImageData`, `fk_dose_id_id`,
    `fk_patient_id_id`, `fk_series_id_id`, `fk_study_id_id`, `fk_user_id_id`) VALUES
  (1, 3, 2, '1\\0\\0\\0\\1\\0', '-200\\-150\\-30', 'MONOCHROME2', '2.5\\2.5', 2,
      '0,120,240,360,480,600,10,130,250,370,490,610', 1, 1, 3, 1, 1);

INSERT INTO `rt_dvh` (`id`, `DVHDoseScaling`, `DVHMaximumDose`, `DVHMeanDose`, `DVHMinimumDose`,
    `DVHNumberOfBins`, `DVHReferencedROI`, `DVHType`, `DVHVolumeUnits`, `DoseType`, `DoseUnits`,
    `DVHData`, `fk_dose_id_id`, `fk_patient_id_id`, `fk_series_id_id`, `fk_study_id`, `fk_user_id_id`) VALUES
  (1, '1', 79.82, 76.1125, 70.04, 3, '1', 'CUMULATIVE', 'CM3', 'PHYSICAL', 'GY',
      '70,93.4178,5,50.2,5,0.8', 1, 1, 3, 1, 1);

INSERT INTO `rt_isdose` (`id`, `RowPosition`, `ColumnPosition`, `IsDoseValue`, `fk_ct_image_id_id`,
    `fk_dose_id_id`, `fk_patient_id_id`, `fk_series_id_id`, `fk_study_id_id`) VALUES
  (1, '250,250,251,252', '240,241,241,242', 95, 1, 1, 1, 3, 1);

INSERT INTO `oar_dictionary` (`id`, `ROIName`, `ROIDisplayColor`) VALUES
  (1, 'PTV', '255\\0\\0'),
  (2, 'Rectum', '128\\64\\0');

INSERT INTO `ovh` (`id`, `binValue`, `binAmount`, `OverlapArea`, `ptv_id`, `OAR_id`, `fk_study_id_id`) VALUES
  (1, '-3.2,0.1,3.4,6.7,10,13.3,16.6,19.9,23.2,26.5,29.8', '0.05,0.21,0.4,0.58,0.71,0.82,0.9,0.95,0.98,0.99',
      20, 1, 2, 1);

INSERT INTO `sts` (`id`, `elevation_bins`, `distance_bins`, `azimuth_bins`, `amounts`, `ptv_id`, `OAR_id`,
    `fk_study_id_id`) VALUES
  (1, '-4,-3,-2,-1,0,1,2,3,4,5,6', '0,5,10,15,20,25,30,35,40,45,50', '0,0.314,0.628,0.942,1.257,1.571,1.885,2.199,2.513,2.827,3.142',
      '0.001,0.002,0.0,0.004', 1, 2, 1);

INSERT INTO `similarity` (`id`, `DBStudyID`, `Similarity`, `OVHDissimilarity`, `STSDissimilarity`,
    `TargetOAR`, `fk_study_id_id`) VALUES
  (1, '2', -2.5, 4.75, 0.125, '2', 1);
