package org.rtds.ingest.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.rtds.ingest.control.ParsedInstance.Contour;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.DoseReference;
import org.rtds.ingest.control.ParsedInstance.EmbeddedDvh;
import org.rtds.ingest.control.ParsedInstance.Header;
import org.rtds.ingest.control.ParsedInstance.PatientInfo;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.Roi;
import org.rtds.ingest.control.ParsedInstance.SeriesInfo;
import org.rtds.ingest.control.ParsedInstance.StructureSet;
import org.rtds.ingest.control.ParsedInstance.StudyInfo;
import org.rtds.ingest.dicom.DicomObject;
import org.rtds.ingest.dicom.DicomParseException;
import org.rtds.ingest.dicom.DicomParseException.Reason;
import org.rtds.ingest.dicom.DicomTag;
import org.rtds.ingest.dicom.PixelFrames;
import org.rtds.ingest.dicom.SopClass;

/**
 * Turns a DICOM object read by {@link org.rtds.ingest.dicom.DicomReader} into the {@link
 * ParsedInstance} ingestion stores, checking what the dsrt tables and the feature calculators need:
 * patient, study and series identity; CT geometry; contours that are lists of 3-D points attached
 * to defined ROIs; dose grids with geometry and scaling. Everything that is wrong is reported as a
 * {@link DicomParseException} whose message names the attribute and the problem; the object is then
 * rejected as a whole (nothing of it is stored).
 *
 * <p>Plain Java, no database, thread-safe.
 */
public final class RtObjectMapper {

  private static final DateTimeFormatter DICOM_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** Maps an object of any supported SOP class. */
  public ParsedInstance map(DicomObject object) throws DicomParseException {
    SopClass sopClass = object.sopClass();
    Header header = header(object, sopClass);
    return switch (sopClass.modality()) {
      case "CT" -> ctSlice(object, header);
      case "RTSTRUCT" -> structureSet(object, header);
      case "RTPLAN" -> plan(object, header);
      case "RTDOSE" -> dose(object, header);
      default ->
          throw new DicomParseException(
              Reason.UNSUPPORTED_SOP_CLASS,
              sopClass.displayName() + " objects are not ingested by RTDS");
    };
  }

  private static Header header(DicomObject object, SopClass sopClass) throws DicomParseException {
    String patientId = object.requiredString(DicomTag.PATIENT_ID);
    PatientInfo patient =
        new PatientInfo(
            patientId,
            text(object, DicomTag.PATIENT_NAME),
            date(object, DicomTag.PATIENT_BIRTH_DATE),
            text(object, DicomTag.PATIENT_SEX),
            text(object, DicomTag.ETHNIC_GROUP));
    StudyInfo study =
        new StudyInfo(
            object.requiredString(DicomTag.STUDY_INSTANCE_UID),
            date(object, DicomTag.STUDY_DATE),
            text(object, DicomTag.STUDY_DESCRIPTION));
    SeriesInfo series =
        new SeriesInfo(
            object.requiredString(DicomTag.SERIES_INSTANCE_UID),
            date(object, DicomTag.SERIES_DATE),
            text(object, DicomTag.SERIES_DESCRIPTION),
            text(object, DicomTag.SERIES_NUMBER),
            text(object, DicomTag.MANUFACTURER),
            text(object, DicomTag.PHYSICIANS_OF_RECORD));
    Optional<String> frameOfReference = object.string(DicomTag.FRAME_OF_REFERENCE_UID);
    if ("RTSTRUCT".equals(sopClass.modality())) {
      frameOfReference = structureSetFrameOfReference(object);
    }
    return new Header(
        sopClass,
        object.sopInstanceUid(),
        object.transferSyntaxUid(),
        object.string(DicomTag.MODALITY).orElse(sopClass.modality()),
        frameOfReference,
        patient,
        study,
        series);
  }

  private static CtSlice ctSlice(DicomObject object, Header header) throws DicomParseException {
    requireCount(object, DicomTag.IMAGE_POSITION_PATIENT, 3);
    requireCount(object, DicomTag.IMAGE_ORIENTATION_PATIENT, 6);
    requireCount(object, DicomTag.PIXEL_SPACING, 2);
    return new CtSlice(
        header,
        text(object, DicomTag.IMAGE_TYPE),
        text(object, DicomTag.PHOTOMETRIC_INTERPRETATION),
        boxed(object.optionalDouble(DicomTag.RESCALE_SLOPE)),
        boxed(object.optionalDouble(DicomTag.RESCALE_INTERCEPT)),
        boxed(object.optionalDouble(DicomTag.SLICE_LOCATION)),
        text(object, DicomTag.PIXEL_SPACING),
        text(object, DicomTag.IMAGE_ORIENTATION_PATIENT),
        text(object, DicomTag.IMAGE_POSITION_PATIENT),
        text(object, DicomTag.SLICE_THICKNESS),
        text(object, DicomTag.BODY_PART_EXAMINED),
        object.requiredInt(DicomTag.ROWS),
        object.requiredInt(DicomTag.COLUMNS));
  }

  private static StructureSet structureSet(DicomObject object, Header header)
      throws DicomParseException {
    Map<String, RoiBuilder> rois = new LinkedHashMap<>();
    for (DicomObject item : object.requiredSequence(DicomTag.STRUCTURE_SET_ROI_SEQUENCE)) {
      String number = item.requiredString(DicomTag.ROI_NUMBER);
      if (rois.containsKey(number)) {
        throw new DicomParseException(
            Reason.INVALID_VALUE,
            "Structure Set ROI Sequence defines ROI number " + number + " twice");
      }
      rois.put(number, new RoiBuilder(number, item.string(DicomTag.ROI_NAME).orElse("")));
    }
    for (DicomObject item : object.sequence(DicomTag.RT_ROI_OBSERVATIONS_SEQUENCE)) {
      Optional<String> number = item.string(DicomTag.REFERENCED_ROI_NUMBER);
      if (number.isPresent() && rois.containsKey(number.get())) {
        rois.get(number.get()).interpretedType =
            item.string(DicomTag.RT_ROI_INTERPRETED_TYPE).orElse(null);
      }
    }
    for (DicomObject item : object.sequence(DicomTag.ROI_CONTOUR_SEQUENCE)) {
      String number = item.requiredString(DicomTag.REFERENCED_ROI_NUMBER);
      RoiBuilder roi = rois.get(number);
      if (roi == null) {
        throw new DicomParseException(
            Reason.INVALID_VALUE,
            "ROI Contour Sequence refers to ROI number "
                + number
                + ", which the Structure Set ROI Sequence does not define");
      }
      roi.displayColor = item.string(DicomTag.ROI_DISPLAY_COLOR).orElse(null);
      for (DicomObject contour : item.sequence(DicomTag.CONTOUR_SEQUENCE)) {
        roi.contours.add(contour(contour, roi));
      }
    }
    List<Roi> result = new ArrayList<>(rois.size());
    for (RoiBuilder roi : rois.values()) {
      result.add(
          new Roi(
              roi.number,
              roi.name,
              roi.interpretedType,
              roi.displayColor,
              List.copyOf(roi.contours)));
    }
    return new StructureSet(
        header,
        text(object, DicomTag.STRUCTURE_SET_LABEL),
        referencedCtSeries(object),
        List.copyOf(result));
  }

  private static Contour contour(DicomObject contour, RoiBuilder roi) throws DicomParseException {
    List<String> points = contour.strings(DicomTag.CONTOUR_DATA);
    // checks that every value is a number (message names the attribute)
    double[] values = contour.doubles(DicomTag.CONTOUR_DATA);
    if (values.length == 0 || values.length % 3 != 0) {
      throw new DicomParseException(
          Reason.INVALID_VALUE,
          "Contour Data of ROI "
              + roi.number
              + " ("
              + roi.name
              + ") holds "
              + values.length
              + " values; a contour needs x, y, z (mm) for each of its points");
    }
    for (double value : values) {
      if (!Double.isFinite(value)) {
        throw new DicomParseException(
            Reason.INVALID_VALUE,
            "Contour Data of ROI " + roi.number + " (" + roi.name + ") holds " + value);
      }
    }
    OptionalInt declared = contour.optionalInt(DicomTag.NUMBER_OF_CONTOUR_POINTS);
    if (declared.isPresent() && declared.getAsInt() != values.length / 3) {
      throw new DicomParseException(
          Reason.INVALID_VALUE,
          "Contour of ROI "
              + roi.number
              + " ("
              + roi.name
              + ") declares "
              + declared.getAsInt()
              + " points (Number of Contour Points) but its Contour Data holds "
              + values.length / 3);
    }
    String referencedClass = null;
    String referencedInstance = null;
    List<DicomObject> images = contour.sequence(DicomTag.CONTOUR_IMAGE_SEQUENCE);
    if (!images.isEmpty()) {
      referencedClass = images.get(0).string(DicomTag.REFERENCED_SOP_CLASS_UID).orElse(null);
      referencedInstance = images.get(0).string(DicomTag.REFERENCED_SOP_INSTANCE_UID).orElse(null);
    }
    return new Contour(
        contour.string(DicomTag.CONTOUR_GEOMETRIC_TYPE).orElse("CLOSED_PLANAR"),
        List.copyOf(points),
        referencedClass,
        referencedInstance);
  }

  private static Plan plan(DicomObject object, Header header) throws DicomParseException {
    List<DoseReference> references = new ArrayList<>();
    Double prescription = null;
    for (DicomObject item : object.sequence(DicomTag.DOSE_REFERENCE_SEQUENCE)) {
      DoseReference reference =
          new DoseReference(
              boxed(item.optionalInt(DicomTag.DOSE_REFERENCE_NUMBER)),
              text(item, DicomTag.DOSE_REFERENCE_STRUCTURE_TYPE),
              text(item, DicomTag.DOSE_REFERENCE_TYPE),
              text(item, DicomTag.DOSE_REFERENCE_DESCRIPTION),
              text(item, DicomTag.REFERENCED_ROI_NUMBER),
              nonNegativeGy(item, DicomTag.TARGET_PRESCRIPTION_DOSE),
              nonNegativeGy(item, DicomTag.DELIVERY_MAXIMUM_DOSE),
              nonNegativeGy(item, DicomTag.ORGAN_AT_RISK_MAXIMUM_DOSE));
      references.add(reference);
      Double target = reference.targetPrescriptionGy();
      if (target != null
          && !"ORGAN_AT_RISK".equals(reference.type())
          && (prescription == null || target > prescription)) {
        prescription = target;
      }
    }
    Integer fractions = null;
    List<DicomObject> groups = object.sequence(DicomTag.FRACTION_GROUP_SEQUENCE);
    if (!groups.isEmpty()) {
      fractions = boxed(groups.get(0).optionalInt(DicomTag.NUMBER_OF_FRACTIONS_PLANNED));
    }
    return new Plan(
        header,
        text(object, DicomTag.RT_PLAN_LABEL),
        text(object, DicomTag.RT_PLAN_NAME),
        date(object, DicomTag.RT_PLAN_DATE),
        text(object, DicomTag.PLAN_INTENT),
        fractions,
        prescription,
        referencedUid(object, DicomTag.REFERENCED_STRUCTURE_SET_SEQUENCE),
        List.copyOf(references));
  }

  private static Dose dose(DicomObject object, Header header) throws DicomParseException {
    String units = object.string(DicomTag.DOSE_UNITS).orElse(null);
    String referencedPlan = referencedUid(object, DicomTag.REFERENCED_RT_PLAN_SEQUENCE);
    List<EmbeddedDvh> dvhs = embeddedDvhs(object);
    if (!object.contains(DicomTag.PIXEL_DATA)) {
      if (dvhs.isEmpty()) {
        throw new DicomParseException(
            Reason.MISSING_ATTRIBUTE,
            "RT Dose has neither a dose grid (Pixel Data) nor DVHs (DVH Sequence)");
      }
      return new Dose(
          header,
          text(object, DicomTag.DOSE_GRID_SCALING),
          text(object, DicomTag.DOSE_SUMMATION_TYPE),
          text(object, DicomTag.DOSE_TYPE),
          units,
          referencedPlan,
          referencedUid(object, DicomTag.REFERENCED_STRUCTURE_SET_SEQUENCE),
          referencedBeam(object),
          0,
          0,
          null,
          null,
          null,
          0,
          false,
          List.of(),
          List.of(),
          dvhs);
    }
    requireGridGeometry(object);
    double scaling = object.requiredDouble(DicomTag.DOSE_GRID_SCALING);
    if (!(scaling > 0) || !Double.isFinite(scaling)) {
      throw new DicomParseException(
          Reason.INVALID_VALUE, "Dose Grid Scaling (3004,000E) is " + scaling + "; it must be > 0");
    }
    if (units == null) {
      throw new DicomParseException(
          Reason.MISSING_ATTRIBUTE, "Dose Units (3004,0002) is missing: GY or RELATIVE expected");
    }
    PixelFrames pixels = object.pixelFrames();
    List<long[]> frames = new ArrayList<>(pixels.numberOfFrames());
    for (int f = 0; f < pixels.numberOfFrames(); f++) {
      frames.add(pixels.frame(f));
    }
    return new Dose(
        header,
        text(object, DicomTag.DOSE_GRID_SCALING),
        text(object, DicomTag.DOSE_SUMMATION_TYPE),
        text(object, DicomTag.DOSE_TYPE),
        units,
        referencedPlan,
        referencedUid(object, DicomTag.REFERENCED_STRUCTURE_SET_SEQUENCE),
        referencedBeam(object),
        pixels.rows(),
        pixels.columns(),
        text(object, DicomTag.IMAGE_ORIENTATION_PATIENT),
        text(object, DicomTag.PIXEL_SPACING),
        text(object, DicomTag.PHOTOMETRIC_INTERPRETATION),
        pixels.bitsAllocated(),
        pixels.signed(),
        List.copyOf(frames),
        framePositions(object, pixels.numberOfFrames()),
        dvhs);
  }

  private static void requireGridGeometry(DicomObject object) throws DicomParseException {
    List<String> missing = new ArrayList<>();
    for (DicomTag tag :
        List.of(
            DicomTag.IMAGE_POSITION_PATIENT,
            DicomTag.IMAGE_ORIENTATION_PATIENT,
            DicomTag.PIXEL_SPACING)) {
      if (object.doubles(tag).length == 0) {
        missing.add(tag.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new DicomParseException(
          Reason.MISSING_ATTRIBUTE,
          "RT Dose grid has no geometry: " + String.join(", ", missing) + " missing");
    }
    requireCount(object, DicomTag.IMAGE_POSITION_PATIENT, 3);
    requireCount(object, DicomTag.IMAGE_ORIENTATION_PATIENT, 6);
    requireCount(object, DicomTag.PIXEL_SPACING, 2);
  }

  /**
   * ImagePositionPatient of each frame (mm): GridFrameOffsetVector (3004,000C) relative to the
   * first frame when its first value is 0 (offsets along the slice normal), otherwise absolute z
   * positions (docs/algorithms.md §4.1).
   */
  private static List<String> framePositions(DicomObject object, int frames)
      throws DicomParseException {
    double[] position = object.doubles(DicomTag.IMAGE_POSITION_PATIENT);
    double[] cosines = object.doubles(DicomTag.IMAGE_ORIENTATION_PATIENT);
    double[] offsets = object.doubles(DicomTag.GRID_FRAME_OFFSET_VECTOR);
    if (frames > 1 && offsets.length != frames) {
      throw new DicomParseException(
          Reason.INVALID_VALUE,
          "Grid Frame Offset Vector (3004,000C) has "
              + offsets.length
              + " values for "
              + frames
              + " frames; the dose planes cannot be placed");
    }
    double[] normal = {
      cosines[1] * cosines[5] - cosines[2] * cosines[4],
      cosines[2] * cosines[3] - cosines[0] * cosines[5],
      cosines[0] * cosines[4] - cosines[1] * cosines[3]
    };
    boolean relative = offsets.length == 0 || offsets[0] == 0.0;
    List<String> result = new ArrayList<>(frames);
    for (int f = 0; f < frames; f++) {
      double offset = offsets.length == 0 ? 0 : offsets[f];
      double[] p =
          relative
              ? new double[] {
                position[0] + offset * normal[0],
                position[1] + offset * normal[1],
                position[2] + offset * normal[2]
              }
              : new double[] {position[0], position[1], offset};
      result.add(decimal(p[0]) + "\\" + decimal(p[1]) + "\\" + decimal(p[2]));
    }
    return result;
  }

  private static List<EmbeddedDvh> embeddedDvhs(DicomObject object) throws DicomParseException {
    List<EmbeddedDvh> result = new ArrayList<>();
    for (DicomObject item : object.sequence(DicomTag.DVH_SEQUENCE)) {
      List<DicomObject> referenced = item.sequence(DicomTag.DVH_REFERENCED_ROI_SEQUENCE);
      String roi =
          referenced.isEmpty()
              ? null
              : referenced.get(0).string(DicomTag.REFERENCED_ROI_NUMBER).orElse(null);
      if (roi == null) {
        throw new DicomParseException(
            Reason.MISSING_ATTRIBUTE,
            "a DVH Sequence item names no ROI (DVH Referenced ROI Sequence > Referenced ROI"
                + " Number)");
      }
      double[] data = item.doubles(DicomTag.DVH_DATA);
      OptionalInt bins = item.optionalInt(DicomTag.DVH_NUMBER_OF_BINS);
      if (data.length % 2 != 0 || (bins.isPresent() && bins.getAsInt() * 2 != data.length)) {
        throw new DicomParseException(
            Reason.INVALID_VALUE,
            "DVH of ROI "
                + roi
                + ": DVH Data holds "
                + data.length
                + " values for "
                + (bins.isPresent() ? bins.getAsInt() : "?")
                + " bins (two values, dose and volume, per bin)");
      }
      result.add(
          new EmbeddedDvh(
              roi,
              text(item, DicomTag.DVH_TYPE),
              text(item, DicomTag.DOSE_UNITS),
              text(item, DicomTag.DOSE_TYPE),
              text(item, DicomTag.DVH_DOSE_SCALING),
              text(item, DicomTag.DVH_VOLUME_UNITS),
              bins.isPresent() ? bins.getAsInt() : data.length / 2,
              String.join(",", item.strings(DicomTag.DVH_DATA)),
              boxed(item.optionalDouble(DicomTag.DVH_MINIMUM_DOSE)),
              boxed(item.optionalDouble(DicomTag.DVH_MAXIMUM_DOSE)),
              boxed(item.optionalDouble(DicomTag.DVH_MEAN_DOSE))));
    }
    return List.copyOf(result);
  }

  private static Optional<String> structureSetFrameOfReference(DicomObject object)
      throws DicomParseException {
    for (DicomObject item : object.sequence(DicomTag.STRUCTURE_SET_ROI_SEQUENCE)) {
      Optional<String> uid = item.string(DicomTag.REFERENCED_FRAME_OF_REFERENCE_UID);
      if (uid.isPresent()) {
        return uid;
      }
    }
    for (DicomObject item : object.sequence(DicomTag.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE)) {
      Optional<String> uid = item.string(DicomTag.FRAME_OF_REFERENCE_UID);
      if (uid.isPresent()) {
        return uid;
      }
    }
    return object.string(DicomTag.FRAME_OF_REFERENCE_UID);
  }

  private static Optional<String> referencedCtSeries(DicomObject object)
      throws DicomParseException {
    for (DicomObject frame : object.sequence(DicomTag.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE)) {
      for (DicomObject study : frame.sequence(DicomTag.RT_REFERENCED_STUDY_SEQUENCE)) {
        for (DicomObject series : study.sequence(DicomTag.RT_REFERENCED_SERIES_SEQUENCE)) {
          Optional<String> uid = series.string(DicomTag.SERIES_INSTANCE_UID);
          if (uid.isPresent()) {
            return uid;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String referencedBeam(DicomObject object) throws DicomParseException {
    for (DicomObject plan : object.sequence(DicomTag.REFERENCED_RT_PLAN_SEQUENCE)) {
      for (DicomObject group : plan.sequence(DicomTag.REFERENCED_FRACTION_GROUP_SEQUENCE)) {
        for (DicomObject beam : group.sequence(DicomTag.REFERENCED_BEAM_SEQUENCE)) {
          Optional<String> number = beam.string(DicomTag.REFERENCED_BEAM_NUMBER);
          if (number.isPresent()) {
            return number.get();
          }
        }
      }
    }
    return null;
  }

  private static String referencedUid(DicomObject object, DicomTag sequence)
      throws DicomParseException {
    List<DicomObject> items = object.sequence(sequence);
    return items.isEmpty()
        ? null
        : items.get(0).string(DicomTag.REFERENCED_SOP_INSTANCE_UID).orElse(null);
  }

  private static void requireCount(DicomObject object, DicomTag tag, int count)
      throws DicomParseException {
    double[] values = object.doubles(tag);
    if (values.length == 0) {
      throw new DicomParseException(Reason.MISSING_ATTRIBUTE, tag + " is missing");
    }
    if (values.length != count) {
      throw new DicomParseException(
          Reason.INVALID_VALUE,
          tag + " holds " + values.length + " values, " + count + " expected");
    }
  }

  private static Double nonNegativeGy(DicomObject item, DicomTag tag) throws DicomParseException {
    OptionalDouble value = item.optionalDouble(tag);
    if (value.isPresent() && (value.getAsDouble() < 0 || !Double.isFinite(value.getAsDouble()))) {
      throw new DicomParseException(
          Reason.INVALID_VALUE, tag + " is " + value.getAsDouble() + " Gy; a dose is >= 0");
    }
    return boxed(value);
  }

  private static String text(DicomObject object, DicomTag tag) {
    return object.string(tag).orElse(null);
  }

  /** A DICOM DA value, or null when absent or not a valid date (dates are informative only). */
  private static LocalDate date(DicomObject object, DicomTag tag) {
    Optional<String> value = object.string(tag);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value.get().replace(".", ""), DICOM_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  /** A decimal within the DS length of 16 characters. */
  private static String decimal(double value) {
    String plain = String.format(Locale.ROOT, "%.6f", value);
    plain = plain.contains(".") ? plain.replaceAll("0+$", "").replaceAll("\\.$", "") : plain;
    return plain.length() <= 16 ? plain : String.format(Locale.ROOT, "%.9g", value);
  }

  private static final class RoiBuilder {
    final String number;
    final String name;
    String interpretedType;
    String displayColor;
    final List<Contour> contours = new ArrayList<>();

    RoiBuilder(String number, String name) {
      this.number = number;
      this.name = name;
    }
  }
}
