package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rtds.domain.imaging.CtImage;
import org.rtds.features.control.StudyDoseInputs;
import org.rtds.features.control.StudyDoseInputs.Inputs;
import org.rtds.features.dose.isodose.IsoLine;
import org.rtds.features.dose.isodose.IsodoseCalculator;
import org.rtds.features.dose.isodose.IsodoseLevel;
import org.rtds.features.dose.isodose.IsodoseOptions;
import org.rtds.features.dose.isodose.SliceIsodose;

/**
 * Isodose lines of one CT image as vector polylines (marching squares at the exact level), for a
 * viewer. Computed on request from the stored study (the stored {@code rt_isdose} rows hold the
 * legacy boundary-pixel form). Read-only; a transaction only gives the loading one persistence
 * context.
 */
@ApplicationScoped
public class StudyIsodoses {

  @PersistenceContext EntityManager em;

  /**
   * One level on the image.
   *
   * @param percent level in % of the reference dose
   * @param doseGy level in Gy
   * @param lines polylines in patient coordinates: flat x, y, z (mm)
   * @param pixelLines the same in fractional CT pixel (row, column) coordinates
   */
  public record Level(
      double percent,
      double doseGy,
      List<double[]> lines,
      List<double[]> pixelLines,
      List<Boolean> closed) {}

  /**
   * @param reference PRESCRIPTION or MAX_DOSE: what the percentages refer to
   * @param referenceDoseGy the reference dose, Gy
   */
  public record Image(
      String sopInstanceUid,
      double zMm,
      String reference,
      double referenceDoseGy,
      List<Level> levels) {}

  /**
   * @return the image's isodoses, or empty when the study has no such CT image
   * @throws MissingInputException when the study lacks a dose or CT
   */
  @Transactional // one persistence context for the lazy relations the inputs walk; writes nothing
  public Optional<Image> lines(int studyId, String ctSopInstanceUid) {
    Inputs inputs = new StudyDoseInputs(em).loadWithoutRois(studyId);
    List<CtImage> images = inputs.ctImages();
    for (int i = 0; i < images.size(); i++) {
      if (!images.get(i).getSopInstanceUid().equals(ctSopInstanceUid)) {
        continue;
      }
      IsodoseOptions options = inputs.isodoseOptions();
      SliceIsodose slice = IsodoseCalculator.compute(inputs.grid(), i, inputs.dose(), options);
      List<Level> levels = new ArrayList<>();
      for (IsodoseLevel level : slice.levels()) {
        List<double[]> lines = new ArrayList<>();
        List<double[]> pixels = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        for (IsoLine line : level.lines()) {
          lines.add(line.patientXyzMm());
          pixels.add(line.pixelRowCol());
          closed.add(line.closed());
        }
        levels.add(new Level(level.percent(), level.doseGy(), lines, pixels, closed));
      }
      return Optional.of(
          new Image(
              ctSopInstanceUid,
              slice.zMm(),
              slice.reference().name(),
              slice.referenceDoseGy(),
              levels));
    }
    return Optional.empty();
  }
}
