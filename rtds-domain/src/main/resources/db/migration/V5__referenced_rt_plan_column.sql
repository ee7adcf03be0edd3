-- RTDS schema version 5: one name for the column that holds the referenced RT Plan UID of an RT Dose,
-- `rt_dose`.`ReferencedRTPlanSequence` (Referenced RT Plan Sequence, 300C,0002).
-- The schema document spells it `eferencedRTPlanSequence` (a typo: the first letter is lost), and V1
-- copied that spelling; a database made by the original Django application has the correct
-- `ReferencedRTPlanSequence`. Both are accepted (ARCHITECTURE D27): this migration renames the typo
-- if it is there and does nothing otherwise. RENAME COLUMN (MySQL 8, MariaDB 10.5.2+) keeps the
-- column's type, nullability, character set and every value; it changes only the name.
-- The name is looked up in information_schema, because a plain ALTER TABLE would fail on one of the
-- two spellings. SchemaMigrator refuses, before any migration, a database whose rt_dose has both.

SET @rtds_v5_rename = (
  SELECT IF(COUNT(*) = 1,
            'ALTER TABLE `rt_dose` RENAME COLUMN `eferencedRTPlanSequence` TO `ReferencedRTPlanSequence`',
            'DO 0')
  FROM information_schema.COLUMNS
  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'rt_dose'
    AND COLUMN_NAME = 'eferencedRTPlanSequence');

PREPARE rtds_v5_statement FROM @rtds_v5_rename;
EXECUTE rtds_v5_statement;
DEALLOCATE PREPARE rtds_v5_statement;
SET @rtds_v5_rename = NULL;
