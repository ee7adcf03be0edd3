-- RTDS schema version 12: a DICOM attribute that a real file may lack is nullable, also in a database
-- adopted from the legacy Django application (ARCHITECTURE D40).
-- V1 makes these columns NULL, so on a database RTDS created this migration finds nothing to do.
-- Django made every model field NOT NULL unless the model said null=True, so an adopted legacy
-- database has them NOT NULL: a CT without Ethnic Group (0010,2160), a study without Study Date or an
-- RT Dose without Dose Summation Type could not be stored into it (ingestion refused such an object
-- with DATABASE_REQUIRES_VALUE), and writing a fake '' or 0 would hide that the value is unknown.
-- Each column keeps its own type, character set and collation (read from information_schema: an
-- adopted column may be wider than V1's, D27) and every value; only NOT NULL becomes NULL. A column
-- default is not restated (Django creates none). MariaDB 10.4+ relaxes NOT NULL without rebuilding
-- the table (instant ALTER); MySQL 8 rebuilds it in place.
-- Not touched: Django's own tables (auth_*, django_*, userprofile_userprofile: RTDS writes Django's
-- values there), ids, identifying UIDs and the foreign keys that place a row (NOT NULL in V1 too).

SET SESSION group_concat_max_len = 65536;

-- One ALTER TABLE per table that has such a NOT NULL column, naming only those columns; numbered.
CREATE TEMPORARY TABLE `rtds_v12_relax` AS
SELECT ROW_NUMBER() OVER (ORDER BY TABLE_NAME) AS n,
       CONCAT('ALTER TABLE `', TABLE_NAME, '` ',
              GROUP_CONCAT(CONCAT('MODIFY COLUMN `', COLUMN_NAME, '` ', COLUMN_TYPE,
                                  IF(CHARACTER_SET_NAME IS NULL, '',
                                     CONCAT(' CHARACTER SET ', CHARACTER_SET_NAME,
                                            ' COLLATE ', COLLATION_NAME)),
                                  ' NULL')
                           ORDER BY ORDINAL_POSITION SEPARATOR ', ')) AS statement
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE() AND IS_NULLABLE = 'NO'
  AND (TABLE_NAME, COLUMN_NAME) IN (
    ('patients', 'PatientName'), ('patients', 'BirthDate'), ('patients', 'Gender'),
    ('patients', 'EnthicGroup'),
    ('studies', 'StudyDate'), ('studies', 'StudyDescription'), ('studies', 'TotalSeries'),
    ('series', 'SeriesDate'), ('series', 'SeriesDescription'), ('series', 'SeriesType'),
    ('series', 'Modality'), ('series', 'SeriesNumber'), ('series', 'PhysicianOfRecord'),
    ('series', 'Manufacturer'),
    ('ct_images', 'ImageType'), ('ct_images', 'PhotometricInterpretation'),
    ('ct_images', 'RescaleSlope'), ('ct_images', 'RescaleIntercept'),
    ('ct_images', 'SliceLocation'), ('ct_images', 'PixelSpacing'),
    ('ct_images', 'ImageOrientationPatient'), ('ct_images', 'ImagePositionPatient'),
    ('ct_images', 'SliceThickness'), ('ct_images', 'BodypartExamined'), ('ct_images', 'Rows'),
    ('ct_images', 'Columns'),
    ('rt_structureset', 'TotalROIs'),
    ('rt_rois', 'Volume'), ('rt_rois', 'TotalContours'), ('rt_rois', 'ROINumber'),
    ('rt_contour', 'ContourGeometricType'), ('rt_contour', 'NumberOfContourPoints'),
    ('rt_contour', 'ReferencedSOPClassUID'), ('rt_contour', 'ReferencedSOPInstanceUID'),
    ('rt_dose', 'DoseGridScaling'), ('rt_dose', 'DoseSummationType'), ('rt_dose', 'DoseType'),
    ('rt_dose', 'DoseUnits'), ('rt_dose', 'ReferencedRTPlanSequence'),
    ('rt_dose', 'ReferencedStructureSetSequence'),
    ('rt_dose_image', 'columns'), ('rt_dose_image', 'rows'),
    ('rt_dose_image', 'ImageOrientationPatient'), ('rt_dose_image', 'ImagePositionPatient'),
    ('rt_dose_image', 'PhotometricInterpretation'), ('rt_dose_image', 'PixelSpacing'),
    ('rt_dose_image', 'NumberOfFrames'),
    ('rt_dvh', 'DVHDoseScaling'), ('rt_dvh', 'DVHMaximumDose'), ('rt_dvh', 'DVHMeanDose'),
    ('rt_dvh', 'DVHMinimumDose'), ('rt_dvh', 'DVHNumberOfBins'), ('rt_dvh', 'DVHType'),
    ('rt_dvh', 'DVHVolumeUnits'), ('rt_dvh', 'DoseType'), ('rt_dvh', 'DoseUnits'),
    ('oar_dictionary', 'ROIDisplayColor'),
    ('ovh', 'OverlapArea'),
    ('similarity', 'Similarity'), ('similarity', 'OVHDissimilarity'),
    ('similarity', 'STSDissimilarity'))
GROUP BY TABLE_NAME;

-- The tables above are 14: run statement 1 to 14 (DO 0 where there is none).
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 1), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 2), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 3), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 4), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 5), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 6), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 7), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 8), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 9), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 10), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 11), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 12), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 13), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;
SET @rtds_v12 = IFNULL((SELECT statement FROM `rtds_v12_relax` WHERE n = 14), 'DO 0');
PREPARE rtds_v12_statement FROM @rtds_v12; EXECUTE rtds_v12_statement; DEALLOCATE PREPARE rtds_v12_statement;

DROP TEMPORARY TABLE `rtds_v12_relax`;
SET @rtds_v12 = NULL;
