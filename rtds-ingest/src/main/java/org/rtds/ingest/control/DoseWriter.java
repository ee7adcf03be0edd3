package org.rtds.ingest.control;

import static org.rtds.ingest.control.Columns.truncate;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.patient.Series;
import org.rtds.domain.rt.DoseImageData;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtDoseImage;
import org.rtds.domain.rt.RtDvh;
import org.rtds.domain.rt.RtRows;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.EmbeddedDvh;

/**
 * An RT Dose as its {@code rt_dose} row, one {@code rt_dose_image} row per frame (the stored
 * values, dose = value × DoseGridScaling; position in mm) and one {@code rt_dvh} row per DVH the
 * planning system embedded (source {@code TPS_EMBEDDED}, values as sent).
 */
final class DoseWriter implements ModalityWriter<Dose> {

  private final EntityManager em;

  DoseWriter(EntityManager em) {
    this.em = em;
  }

  @Override
  public void write(Dose parsed, Series series, AuthUser account) {
    RtDose dose = new RtDose();
    dose.setSopClassUid(parsed.header().sopClass().uid());
    dose.setSopInstanceUid(parsed.header().sopInstanceUid());
    dose.setDoseGridScaling(truncate(parsed.doseGridScaling(), 100));
    dose.setDoseSummationType(truncate(parsed.summationType(), 100));
    dose.setDoseType(truncate(parsed.doseType(), 100));
    dose.setDoseUnits(truncate(parsed.doseUnits(), 100));
    dose.setReferencedRtPlan(truncate(parsed.referencedPlanUid(), 100));
    dose.setReferencedStructureSet(truncate(parsed.referencedStructureSetUid(), 100));
    dose.setFrameOfReferenceUid(parsed.header().frameOfReferenceUid().orElse(null));
    dose.setReferencedBeamNumber(truncate(parsed.referencedBeamNumber(), 16));
    ModalityWriter.scope(dose, series, account);
    em.persist(dose);
    List<RtDoseImage> images = new ArrayList<>(parsed.frames().size());
    for (int f = 0; f < parsed.frames().size(); f++) {
      RtDoseImage image = new RtDoseImage();
      image.setRows(parsed.rows());
      image.setColumns(parsed.columns());
      image.setImageOrientationPatient(parsed.imageOrientationPatient());
      image.setImagePositionPatient(parsed.framePositions().get(f));
      image.setPhotometricInterpretation(truncate(parsed.photometricInterpretation(), 20));
      image.setPixelSpacing(parsed.pixelSpacing());
      image.setNumberOfFrames(1);
      image.setFrameNumber(f);
      image.setBitsAllocated(parsed.bitsAllocated());
      image.setPixelRepresentation(parsed.signed() ? 1 : 0);
      image.setImageData(DoseImageData.encode(parsed.frames().get(f), parsed.bitsAllocated()));
      image.setDose(dose);
      ModalityWriter.scope(image, series, account);
      images.add(image);
    }
    // one row per frame, often a hundred: many per statement instead of one round trip each (D58)
    RtRows.DOSE_IMAGES.insert(em, images);
    for (EmbeddedDvh parsedDvh : parsed.embeddedDvhs()) {
      RtDvh dvh = new RtDvh();
      dvh.setSource("TPS_EMBEDDED");
      dvh.setReferencedRoi(truncate(parsedDvh.referencedRoiNumber(), 10));
      dvh.setDvhType(truncate(parsedDvh.type(), 16));
      dvh.setDoseUnits(truncate(parsedDvh.doseUnits(), 16));
      dvh.setDoseType(truncate(parsedDvh.doseType(), 16));
      dvh.setDoseScaling(truncate(parsedDvh.doseScaling(), 20));
      dvh.setVolumeUnits(truncate(parsedDvh.volumeUnits(), 16));
      dvh.setNumberOfBins(
          parsedDvh.numberOfBins() == null ? null : parsedDvh.numberOfBins().doubleValue());
      dvh.setDvhData(parsedDvh.data());
      dvh.setMinimumDose(parsedDvh.minimumDose());
      dvh.setMaximumDose(parsedDvh.maximumDose());
      dvh.setMeanDose(parsedDvh.meanDose());
      dvh.setDose(dose);
      ModalityWriter.scope(dvh, series, account);
      em.persist(dvh);
    }
  }
}
