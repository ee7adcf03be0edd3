-- RTDS schema version 10: RTDS's permissions and job roles, in Django's own tables.
--
-- RTDS authorises by permission codename (ARCHITECTURE.md D36). This adds RTDS's content types (app label `rtds`), one
-- permission per thing RTDS lets an account do, and one group per job role holding the permissions that role needs.
-- Administrators are not a group: an account administers RTDS when it is a superuser and staff, as in Django's admin.
-- Rows are only added, never changed: a legacy database keeps every content type, permission and group it has (a
-- legacy group keeps its meaning through the codename mapping in ARCHITECTURE.md), and a row that already exists
-- (same unique key) is left as it is, so running this on a database that has them is harmless.

INSERT INTO `django_content_type` (`app_label`, `model`)
SELECT 'rtds', m.model FROM (
            SELECT 'patient' AS model
  UNION ALL SELECT 'instance'
  UNION ALL SELECT 'knowledgebase'
  UNION ALL SELECT 'doseconstraint'
  UNION ALL SELECT 'featurejob'
  UNION ALL SELECT 'auditevent'
) m
WHERE NOT EXISTS (SELECT 1 FROM `django_content_type` c WHERE c.`app_label` = 'rtds' AND c.`model` = m.model);

INSERT INTO `auth_permission` (`name`, `content_type_id`, `codename`)
SELECT p.name, c.`id`, p.codename FROM (
            SELECT 'patient' AS model, 'view_patient' AS codename, 'Can view patient' AS name
  UNION ALL SELECT 'instance', 'add_instance', 'Can add instance'
  UNION ALL SELECT 'knowledgebase', 'view_knowledgebase', 'Can view knowledge base'
  UNION ALL SELECT 'doseconstraint', 'change_doseconstraint', 'Can change dose constraint'
  UNION ALL SELECT 'featurejob', 'change_featurejob', 'Can change feature job'
  UNION ALL SELECT 'auditevent', 'view_auditevent', 'Can view audit event'
) p
JOIN `django_content_type` c ON c.`app_label` = 'rtds' AND c.`model` = p.model
WHERE NOT EXISTS (
  SELECT 1 FROM `auth_permission` e WHERE e.`content_type_id` = c.`id` AND e.`codename` = p.codename);

INSERT INTO `auth_group` (`name`)
SELECT g.name FROM (
            SELECT 'RTDS physicians' AS name
  UNION ALL SELECT 'RTDS physicists'
  UNION ALL SELECT 'RTDS dosimetrists'
  UNION ALL SELECT 'RTDS partner systems'
  UNION ALL SELECT 'RTDS read-only'
  UNION ALL SELECT 'RTDS auditors'
) g
WHERE NOT EXISTS (SELECT 1 FROM `auth_group` e WHERE e.`name` = g.name);

INSERT INTO `auth_group_permissions` (`group_id`, `permission_id`)
SELECT g.`id`, p.`id` FROM (
            SELECT 'RTDS physicians' AS grp, 'view_patient' AS codename
  UNION ALL SELECT 'RTDS physicians', 'view_knowledgebase'
  UNION ALL SELECT 'RTDS physicists', 'view_patient'
  UNION ALL SELECT 'RTDS physicists', 'view_knowledgebase'
  UNION ALL SELECT 'RTDS physicists', 'add_instance'
  UNION ALL SELECT 'RTDS physicists', 'change_doseconstraint'
  UNION ALL SELECT 'RTDS physicists', 'change_featurejob'
  UNION ALL SELECT 'RTDS dosimetrists', 'view_patient'
  UNION ALL SELECT 'RTDS dosimetrists', 'view_knowledgebase'
  UNION ALL SELECT 'RTDS dosimetrists', 'add_instance'
  UNION ALL SELECT 'RTDS partner systems', 'view_patient'
  UNION ALL SELECT 'RTDS partner systems', 'view_knowledgebase'
  UNION ALL SELECT 'RTDS partner systems', 'add_instance'
  UNION ALL SELECT 'RTDS read-only', 'view_patient'
  UNION ALL SELECT 'RTDS auditors', 'view_auditevent'
) r
JOIN `auth_group` g ON g.`name` = r.grp
JOIN `django_content_type` c ON c.`app_label` = 'rtds'
JOIN `auth_permission` p ON p.`content_type_id` = c.`id` AND p.`codename` = r.codename
WHERE NOT EXISTS (
  SELECT 1 FROM `auth_group_permissions` e WHERE e.`group_id` = g.`id` AND e.`permission_id` = p.`id`);
