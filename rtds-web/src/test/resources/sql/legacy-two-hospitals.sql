-- A second hospital in the legacy Django dsrt database of rtds-domain's sql/legacy-django-dsrt.sql (run
-- after it), for SecurityIT: what a real multi-hospital installation of the legacy application holds.
--
-- Passwords are hashes Django 3.2.25 made (rtds-security's django-password-hashes.tsv, from
-- scripts/django-password-fixtures.py): jdoe pbkdf2_sha1 and ucla2 argon2id ("Jürgen-Müller 2017 ☢"),
-- reader argon2i, tum1 bcrypt_sha256 (each "correct horse battery staple"), tum2 bcrypt ("p").
--
-- Hospitals (userprofile_userprofile.institution): UCLA = jdoe, ucla2 (written ' ucla ', as people type);
-- TUM = tum1, tum2; admin1 (legacy superuser) has no profile. Groups: 'UCLA doctors' (legacy: add_patient and
-- change_patient of app dsrt) = jdoe, ucla2; 'TUM doctors' (view_patient of an app labelled 'tum') = tum1;
-- reader (UCLA) joins 'RTDS read-only' in the test, once adoption has run V10; tum2 has no group and no permission.

UPDATE `auth_user` SET `password` = 'pbkdf2_sha1$260000$2PDCMbkhppezJpV8dajOic$cw3nsOweUHZCSQHGLimjs8g2sAQ=' WHERE `username` = 'jdoe';

INSERT INTO `django_content_type` (`id`, `app_label`, `model`) VALUES (20, 'tum', 'patient');
INSERT INTO `auth_permission` (`id`, `name`, `content_type_id`, `codename`) VALUES
  (40, 'Can view patient', 20, 'view_patient');
INSERT INTO `auth_group` (`id`, `name`) VALUES (3, 'TUM doctors');
INSERT INTO `auth_group_permissions` (`id`, `group_id`, `permission_id`) VALUES (5, 3, 40);

INSERT INTO `auth_user` (`id`, `password`, `last_login`, `is_superuser`, `username`, `first_name`,
    `last_name`, `email`, `is_staff`, `is_active`, `date_joined`) VALUES
  (4, 'argon2$argon2id$v=19$m=102400,t=2,p=8$M2JPRzlCRnl0MGZ2aFFPOU15d1BvZg$+dWyVvUBkzC+kICVl7atpA', NULL, 0, 'ucla2', 'Mia', 'Park', '', 0, 1, '2018-01-05 10:00:00.000000'),
  (5, 'bcrypt_sha256$$2b$12$OLDT093TIT46FKlYklqjGezsviIfpGMWnZ/Z0Ds0MaivwaIgfsR1C', NULL, 0, 'tum1', 'Anna', 'Schmidt', '', 0, 1, '2018-02-01 09:00:00.000000'),
  (6, 'bcrypt$$2b$12$taLfRgNtdwDkIEe5wx6RZ.zxAycTUUUOYAbahKCloAQ4irwc/5ssW', NULL, 0, 'tum2', 'Lukas', 'Huber', '', 0, 1, '2018-02-02 09:00:00.000000'),
  (7, 'argon2$argon2i$v=19$m=102400,t=2,p=8$YVFiVTBKNkFGOWsyVkZXUHVEbUUwZQ$0GlcNgXmkcjQUY56a3vSpg', NULL, 0, 'reader', 'Rita', 'Reed', '', 0, 1, '2018-03-01 09:00:00.000000');

INSERT INTO `auth_user_groups` (`id`, `user_id`, `group_id`) VALUES (3, 4, 2), (4, 5, 3);

INSERT INTO `userprofile_userprofile` (`id`, `occupation`, `institution`, `birthday`, `location`,
    `bio`, `user_id`) VALUES
  (2, 'Dosimetrist', ' ucla ', NULL, 'Los Angeles', '', 4),
  (3, 'Physicist', 'TUM', NULL, 'München', '', 5),
  (4, 'Physicist', 'TUM', NULL, 'München', '', 6),
  (5, 'Physician', 'UCLA', NULL, 'Los Angeles', '', 7);

INSERT INTO `patients` (`id`, `PatientName`, `BirthDate`, `Gender`, `EnthicGroup`, `fk_user_id_id`) VALUES
  (3, 'Schmidt^Anna', '1950-07-01', 'F', '', 5),
  (4, 'Lee^Second_Patient', '1961-01-15', 'F', '', 4),
  (5, '<script>alert(1)</script>', NULL, 'O', '', 5);

INSERT INTO `studies` (`id`, `StudyInstanceUID`, `StudyDate`, `StudyDescription`, `TotalSeries`,
    `fk_patient_id_id`, `fk_user_id_id`) VALUES
  (3, '1.2.826.0.1.3680043.8.498.3', '2013-05-02', 'Head and neck', 0, 3, 5),
  (4, '1.2.826.0.1.3680043.8.498.4', '2014-09-09', 'Prostate', 0, 4, 4),
  (5, '1.2.826.0.1.3680043.8.498.5', '2015-01-01', '<img src=x onerror=alert(2)>', 0, 5, 5);
