package org.rtds.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;
import org.rtds.domain.rt.PlanQueries;
import org.rtds.domain.rt.RtContour;
import org.rtds.domain.rt.RtPlan;
import org.rtds.domain.rt.RtPlanDoseReference;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.domain.rt.StructureSetQueries;
import org.rtds.domain.testing.MigratedPersistence;
import org.rtds.domain.testing.SampleGraph;

/**
 * The query classes of {@code org.rtds.domain.rt} ({@link PlanQueries}, {@link
 * StructureSetQueries}) against the migrated schema, over three sample studies in one database: one
 * whose newer plan prescribes 70 Gy after an older one of 78 Gy and whose structure set has a
 * second ROI, one whose newer plan states no prescription, and one without a plan.
 */
class RtQueriesIT {

  private static MigratedPersistence db;

  /** Plans of 78 Gy (the sample's) and, stored later, 70 Gy; its set has a second ROI. */
  private static SampleGraph replanned;

  private static RtPlan replacement;
  private static RtRoi bladder;
  private static RtContour bladderContour;

  /** The sample's plan of 78 Gy, then one without a prescription. */
  private static SampleGraph unstated;

  private static RtPlan withoutPrescription;

  /** No plan at all (the sample's is removed). */
  private static SampleGraph planless;

  @BeforeAll
  static void migrateAndPersistThreeStudies() {
    db = MigratedPersistence.create("rt_queries");
    replanned = new SampleGraph("replanned");
    unstated = new SampleGraph("unstated");
    planless = new SampleGraph("planless");
    inTransaction(
        em -> {
          replanned.persist(em);
          unstated.persist(em);
          planless.persist(em);
          em.remove(em.find(RtPlanDoseReference.class, planless.doseReference.getId()));
          em.remove(em.find(RtPlan.class, planless.plan.getId()));
          return null;
        });
    replacement = inTransaction(em -> laterPlan(em, replanned, 70.0));
    withoutPrescription = inTransaction(em -> laterPlan(em, unstated, null));
    bladder = inTransaction(em -> secondRoi(em, replanned));
    bladderContour = inTransaction(em -> contourOf(em, replanned, bladder));
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void theNewestPlanIsTheOneStoredLast() {
    assertThat(newestPlan(replanned.study.getId())).hasValue(replacement);
    assertThat(newestPlan(unstated.study.getId())).hasValue(withoutPrescription);
    assertThat(newestPlan(planless.study.getId())).isEmpty();
    assertThat(newestPlan(-1)).isEmpty();
  }

  @Test
  void prescriptionsComeFromEachStudysNewestPlanOnly() {
    List<Integer> studies =
        List.of(replanned.study.getId(), unstated.study.getId(), planless.study.getId(), -1);
    // the unstated study's older 78 Gy does not count: its plan is the newer one
    assertThat(prescriptions(studies))
        .containsExactlyEntriesOf(Map.of(replanned.study.getId(), 70.0));
    assertThat(prescriptions(List.of())).isEmpty();
  }

  @Test
  void theManyStudiesQueryAgreesWithTheOneStudyQuery() {
    for (SampleGraph graph : List.of(replanned, unstated, planless)) {
      int study = graph.study.getId();
      Optional<Double> one = newestPlan(study).flatMap(PlanQueries::prescriptionGy);
      Optional<Double> many = Optional.ofNullable(prescriptions(List.of(study)).get(study));
      assertThat(many).as(graph.study.getStudyInstanceUid()).isEqualTo(one);
    }
  }

  @Test
  void onlyAPositivePrescriptionIsStated() {
    assertThat(PlanQueries.prescriptionGy(planWith(70.0))).hasValue(70.0);
    assertThat(PlanQueries.prescriptionGy(planWith(null))).isEmpty();
    assertThat(PlanQueries.prescriptionGy(planWith(0.0))).isEmpty();
    assertThat(PlanQueries.prescriptionGy(planWith(-2.0))).isEmpty();
    assertThat(PlanQueries.prescriptionGy(planWith(Double.NaN))).isEmpty();
  }

  @Test
  void aStructureSetsRoisAndContoursInTheOrderStored() {
    int set = replanned.structureSet.getId();
    assertThat(rois(set)).containsExactly(replanned.roi, bladder);
    assertThat(contours(set)).containsExactly(replanned.contour, bladderContour);
    // another study's set has only its own rows
    int other = unstated.structureSet.getId();
    assertThat(rois(other)).containsExactly(unstated.roi);
    assertThat(contours(other)).containsExactly(unstated.contour);
    assertThat(rois(-1)).isEmpty();
    assertThat(contours(-1)).isEmpty();
  }

  private static Optional<RtPlan> newestPlan(int studyId) {
    return inTransaction(em -> PlanQueries.newest(em, studyId));
  }

  private static Map<Integer, Double> prescriptions(List<Integer> studyIds) {
    return inTransaction(em -> PlanQueries.newestPrescriptionsGy(em, studyIds));
  }

  private static List<RtRoi> rois(int structureSetId) {
    return inTransaction(em -> StructureSetQueries.rois(em, structureSetId));
  }

  private static List<RtContour> contours(int structureSetId) {
    return inTransaction(em -> StructureSetQueries.contours(em, structureSetId));
  }

  private static RtPlan planWith(Double prescriptionGy) {
    RtPlan plan = new RtPlan();
    plan.setPrescriptionDoseGy(prescriptionGy);
    return plan;
  }

  /** A plan of the graph's study stored after the sample's, with the given prescription. */
  private static RtPlan laterPlan(EntityManager em, SampleGraph graph, Double prescriptionGy) {
    RtPlan plan = new RtPlan();
    plan.setSopInstanceUid(graph.plan.getSopInstanceUid() + ".2");
    plan.setSopClassUid(graph.plan.getSopClassUid());
    plan.setPrescriptionDoseGy(prescriptionGy);
    return persistInStudy(em, graph, plan);
  }

  private static RtRoi secondRoi(EntityManager em, SampleGraph graph) {
    RtRoi roi = new RtRoi();
    roi.setRoiName("Bladder");
    roi.setRoiNumber("3");
    roi.setStructureSet(em.getReference(RtStructureSet.class, graph.structureSet.getId()));
    return persistInStudy(em, graph, roi);
  }

  /** Persists a row of the graph's study, CT series and account. */
  private static <E extends UserCreatedSeriesScopedEntity> E persistInStudy(
      EntityManager em, SampleGraph graph, E row) {
    row.setPatient(em.getReference(Patient.class, graph.patient.getId()));
    row.setSeries(em.getReference(Series.class, graph.ctSeries.getId()));
    row.setStudy(em.getReference(Study.class, graph.study.getId()));
    row.setUser(em.getReference(AuthUser.class, graph.user.getId()));
    em.persist(row);
    return row;
  }

  private static RtContour contourOf(EntityManager em, SampleGraph graph, RtRoi roi) {
    RtContour contour = new RtContour();
    contour.setContourGeometricType("CLOSED_PLANAR");
    contour.setNumberOfContourPoints(3);
    contour.setContourData("-5.0,0.0,-127.5,5.0,0.0,-127.5,0.0,10.0,-127.5");
    contour.setRoi(em.getReference(RtRoi.class, roi.getId()));
    contour.setStructureSet(em.getReference(RtStructureSet.class, graph.structureSet.getId()));
    em.persist(contour);
    return contour;
  }

  private static <T> T inTransaction(Function<EntityManager, T> work) {
    return db.inTransaction(work);
  }
}
