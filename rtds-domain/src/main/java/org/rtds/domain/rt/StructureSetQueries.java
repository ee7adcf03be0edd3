package org.rtds.domain.rt;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The rows of one RT Structure Set that the dose features and the CT viewer read alike: its ROIs
 * and its contours, each in the order they were stored (row id) (ARCHITECTURE D58). Static methods
 * over the caller's entity manager; they read only. Which structure set of a study the features use
 * is decided by rtds-features ({@code StudyDoseInputs}), which needs the CT series as well.
 */
public final class StructureSetQueries {

  private static final String ROIS =
      "select r from RtRoi r where r.structureSet.id = :structureSetId order by r.id";

  private static final String CONTOURS =
      "select c from RtContour c where c.structureSet.id = :structureSetId order by c.id";

  private StructureSetQueries() {}

  /**
   * The structure set's ROIs in the order they were stored (row id).
   *
   * @param em the caller's entity manager
   * @param structureSetId the structure set's row id ({@code rt_structureset.id})
   * @return its ROIs, empty when it has none
   */
  public static List<RtRoi> rois(EntityManager em, int structureSetId) {
    return em.createQuery(ROIS, RtRoi.class)
        .setParameter("structureSetId", structureSetId)
        .getResultList();
  }

  /**
   * The structure set's contours, of all its ROIs, in the order they were stored. Each row carries
   * its Contour Data text (patient coordinates, mm), so this loads every point of the set.
   *
   * @param em the caller's entity manager
   * @param structureSetId the structure set's row id ({@code rt_structureset.id})
   * @return its contours, empty when it has none
   */
  public static List<RtContour> contours(EntityManager em, int structureSetId) {
    return em.createQuery(CONTOURS, RtContour.class)
        .setParameter("structureSetId", structureSetId)
        .getResultList();
  }
}
