package org.rtds.domain.rt;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which RT Plan of a study counts, and its prescription: the one place of the rule the dose
 * features, the metrics and isodoses, the study pages and the knowledge base share (ARCHITECTURE
 * D29, D59). Static methods over the caller's entity manager; they read only.
 *
 * <p>The plan of a study is its <em>newest</em> {@code rt_plan} row, the one stored last (the
 * highest id): a corrected plan sent again under a new UID replaces the older one, as a corrected
 * dose does. Its prescription counts when it states a positive dose (Gy); a newest plan without one
 * leaves the study without a prescription, even when an older plan had one.
 */
public final class PlanQueries {

  private static final String NEWEST =
      "select p from RtPlan p where p.study.id = :studyId order by p.id desc";

  private static final String NEWEST_PRESCRIPTIONS =
      "select p.study.id, p.prescriptionDoseGy from RtPlan p where p.id in"
          + " (select max(q.id) from RtPlan q where q.study.id in :ids group by q.study.id)";

  private PlanQueries() {}

  /**
   * The study's plan: its newest RT Plan.
   *
   * @param em the caller's entity manager
   * @param studyId the study's row id ({@code studies.id})
   * @return the plan, empty when the study has none
   */
  public static Optional<RtPlan> newest(EntityManager em, int studyId) {
    return em.createQuery(NEWEST, RtPlan.class)
        .setParameter("studyId", studyId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * A plan's prescription, when it states one.
   *
   * @param plan a plan
   * @return its prescription dose (Gy), empty when it is missing, zero, negative or not a number
   */
  public static Optional<Double> prescriptionGy(RtPlan plan) {
    return Optional.ofNullable(plan.getPrescriptionDoseGy()).filter(PlanQueries::stated);
  }

  /**
   * Each study's prescription from its newest RT Plan ({@link #newest} and {@link #prescriptionGy}
   * of many studies in one query).
   *
   * @param em the caller's entity manager
   * @param studyIds study row ids ({@code studies.id}); may be empty
   * @return a new modifiable map: prescription dose (Gy) by study id; a study without a plan, or
   *     whose newest plan states no prescription, is absent
   */
  public static Map<Integer, Double> newestPrescriptionsGy(
      EntityManager em, Collection<Integer> studyIds) {
    Map<Integer, Double> out = new HashMap<>();
    if (studyIds.isEmpty()) {
      return out;
    }
    for (Object[] r :
        em.createQuery(NEWEST_PRESCRIPTIONS, Object[].class)
            .setParameter("ids", studyIds)
            .getResultList()) {
      Double rx = (Double) r[1];
      if (rx != null && stated(rx)) {
        out.put((Integer) r[0], rx);
      }
    }
    return out;
  }

  private static boolean stated(double prescriptionGy) {
    return prescriptionGy > 0;
  }
}
