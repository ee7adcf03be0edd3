package org.rtds.ingest.control;

import static org.rtds.ingest.control.Columns.truncate;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.feature.OarDictionaryEntry;
import org.rtds.domain.patient.Series;
import org.rtds.domain.rt.ContourPoints;
import org.rtds.domain.rt.RtContour;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtRows;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.ingest.control.ParsedInstance.Contour;
import org.rtds.ingest.control.ParsedInstance.Roi;
import org.rtds.ingest.control.ParsedInstance.StructureSet;

/**
 * An RT Structure Set as its {@code rt_structure_set} row, one {@code rt_roi} row per ROI (with its
 * standard name and role from the {@link RoiNameNormalizer}, the standard name added to the OAR
 * dictionary when new) and one {@code rt_contour} row per contour (points in mm, as sent).
 */
final class StructureSetWriter implements ModalityWriter<StructureSet> {

  private final EntityManager em;
  private final RoiNameNormalizer roiNames;

  StructureSetWriter(EntityManager em, RoiNameNormalizer roiNames) {
    this.em = em;
    this.roiNames = roiNames;
  }

  @Override
  public void write(StructureSet set, Series series, AuthUser account) {
    RtStructureSet structureSet = new RtStructureSet();
    structureSet.setSopInstanceUid(set.header().sopInstanceUid());
    structureSet.setSopClassUid(set.header().sopClass().uid());
    structureSet.setTotalRois(set.rois().size());
    structureSet.setStructureSetLabel(truncate(set.label(), 64));
    structureSet.setReferencedSeriesInstanceUid(set.referencedSeriesInstanceUid().orElse(null));
    ModalityWriter.scope(structureSet, series, account);
    em.persist(structureSet);
    List<RtContour> contours = new ArrayList<>();
    for (Roi parsedRoi : set.rois()) {
      RoiClassification classification =
          roiNames.classify(parsedRoi.name(), parsedRoi.interpretedType());
      RtRoi roi = new RtRoi();
      roi.setRoiName(truncate(parsedRoi.name(), 100));
      roi.setRoiNumber(parsedRoi.number());
      roi.setTotalContours(parsedRoi.contours().size());
      roi.setInterpretedType(truncate(parsedRoi.interpretedType(), 16));
      roi.setRole(classification.role().name());
      roi.setDisplayColor(truncate(parsedRoi.displayColor(), 32));
      classification
          .standardName()
          .ifPresent(name -> roi.setStandardStructure(dictionaryEntry(name, classification)));
      roi.setStructureSet(structureSet);
      ModalityWriter.scope(roi, series, account);
      em.persist(roi);
      for (Contour parsedContour : parsedRoi.contours()) {
        RtContour contour = new RtContour();
        contour.setContourGeometricType(truncate(parsedContour.geometricType(), 100));
        contour.setNumberOfContourPoints(parsedContour.pointCount());
        contour.setContourData(ContourPoints.format(parsedContour.points()));
        contour.setReferencedSopClassUid(truncate(parsedContour.referencedSopClassUid(), 100));
        contour.setReferencedSopInstanceUid(
            truncate(parsedContour.referencedSopInstanceUid(), 100));
        contour.setRoi(roi);
        contour.setStructureSet(structureSet);
        contours.add(contour);
      }
    }
    // hundreds of contours: many per statement instead of one round trip each (D58)
    RtRows.CONTOURS.insert(em, contours);
  }

  private OarDictionaryEntry dictionaryEntry(String standardName, RoiClassification roi) {
    return em.createNamedQuery(OarDictionaryEntry.FIND_BY_ROI_NAME, OarDictionaryEntry.class)
        .setParameter("roiName", standardName)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              OarDictionaryEntry entry = new OarDictionaryEntry();
              entry.setRoiName(standardName);
              entry.setRole(roi.role().name());
              em.persist(entry);
              return entry;
            });
  }
}
