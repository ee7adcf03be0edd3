-- RTDS schema version 2: widen the legacy column types that lose or reject real DICOM values.
-- Every change only widens a type (int -> double, longer varchar), so every existing value is kept
-- exactly: an int converts to the same double, a string stays the same string. Nullability is
-- restated as in V1 (on an adopted legacy database this can only relax a NOT NULL, never tighten it).
-- One ALTER TABLE per table, so each table is rebuilt at most once.
-- DICOM value lengths: DS (decimal string) <= 16 characters per value, CS (code string) <= 16,
-- LO (long string) <= 64, PN (person name) <= 64 per component group, UI (UID) <= 64; several
-- values of one attribute are separated by a backslash.

ALTER TABLE `ct_images`
  -- Rescale Slope (0028,1053) is a DS such as 0.5 or 1.000000: an int truncates it, and every
  -- Hounsfield value (stored value * slope + intercept) derived from it would be wrong.
  MODIFY COLUMN `RescaleSlope` double NULL,
  -- Rescale Intercept (0028,1052) is a DS such as -1024.5: an int truncates it.
  MODIFY COLUMN `RescaleIntercept` double NULL,
  -- Slice Location (0020,1041) is a DS in mm with sub-millimetre values such as -127.5: an int
  -- truncates it and misplaces the slice.
  MODIFY COLUMN `SliceLocation` double NULL,
  -- Image Orientation (Patient) (0020,0037) holds 6 DS values: up to 6 * 16 + 5 = 101 characters.
  MODIFY COLUMN `ImageOrientationPatient` varchar(200) NULL;

ALTER TABLE `rt_dose_image`
  -- Image Orientation (Patient) of the dose grid: 6 DS values, up to 101 characters; only an exact
  -- axial 1\0\0\0\1\0 (11 characters) fits in 20, not an oblique or rounded one.
  MODIFY COLUMN `ImageOrientationPatient` varchar(200) NULL,
  -- Image Position (Patient): 3 DS values in mm, up to 50 characters, e.g.
  -- -249.51171875\-432.01171875\-118.5 (35 characters).
  MODIFY COLUMN `ImagePositionPatient` varchar(200) NULL,
  -- Pixel Spacing: 2 DS values in mm, up to 33 characters, e.g. 2.5390625\2.5390625 (19).
  MODIFY COLUMN `PixelSpacing` varchar(200) NULL;

ALTER TABLE `rt_dvh`
  -- DVH Type (3004,0001) is a CS of up to 16 characters: DIFFERENTIAL (12) does not fit in 10.
  MODIFY COLUMN `DVHType` varchar(16) NULL,
  -- DVH Volume Units (3004,0054), Dose Type (3004,0004) and Dose Units (3004,0002) are CS values
  -- of up to 16 characters; today's defined terms fit in 10, but a CS column must take any CS.
  MODIFY COLUMN `DVHVolumeUnits` varchar(16) NULL,
  MODIFY COLUMN `DoseType` varchar(16) NULL,
  MODIFY COLUMN `DoseUnits` varchar(16) NULL;

ALTER TABLE `series`
  -- Physician(s) of Record (0008,1048) is a PN: up to 3 component groups (alphabetic, ideographic,
  -- phonetic) of 64 characters each, 194 characters for one value.
  MODIFY COLUMN `PhysicianOfRecord` varchar(200) NULL,
  -- Manufacturer (0008,0070) is an LO of up to 64 characters; 50 truncates real vendor names.
  MODIFY COLUMN `Manufacturer` varchar(64) NULL;
