package org.rtds.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.auth.AuthGroup;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.auth.AuthUserGroup;
import org.rtds.domain.auth.UserProfile;
import org.rtds.domain.django.DjangoSession;
import org.rtds.domain.feature.OarDictionaryEntry;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.domain.rt.RtContour;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtDoseImage;
import org.rtds.domain.rt.RtIsodose;
import org.rtds.domain.rt.RtRoi;
import org.rtds.domain.rt.RtRows;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.domain.schema.SchemaMigrator;
import org.rtds.domain.testing.DocumentedSchema;
import org.rtds.domain.testing.SampleGraph;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;

/**
 * The entities match the migrated schema: Hibernate's schema validation passes, and every entity
 * survives a round trip through the database with every attribute intact.
 */
class EntityMappingIT {

  private static TestDatabase database;
  private static EntityManagerFactory factory;
  private static SampleGraph graph;

  @BeforeAll
  static void migrateAndPersistOneOfEverything() {
    database = TestDatabase.create("entity_mapping");
    new SchemaMigrator(database.dataSource()).migrate();
    factory = TestPersistence.createEntityManagerFactory(database);
    graph = new SampleGraph("mapping");
    runInTransaction(graph::persist);
  }

  @AfterAll
  static void close() {
    if (factory != null) {
      factory.close();
    }
    database.close();
  }

  @Test
  void hibernateKnowsTheRealServerVersion() {
    // not Connector/J's "5.5.5-10.x" (HHH000511); TestPersistence passes SELECT VERSION()'s
    DatabaseVersion version =
        factory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect().getVersion();
    assertThat(version.isSameOrAfter(10, 4)).as("dialect version %s", version).isTrue();
  }

  @Test
  void hibernateSchemaValidationPasses() {
    factory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
  }

  /** Tables RTDS added to the documented schema (migration V3 and later, ARCHITECTURE.md). */
  private static final Set<String> RTDS_TABLES =
      Set.of(
          "rt_plan",
          "rt_plan_dose_reference",
          "rtds_object",
          "rtds_rejection",
          "rtds_feature_job",
          "rtds_dose_constraint",
          "rtds_installation_secret",
          "rtds_knowledge_change",
          "rtds_api_token",
          "rtds_audit_event",
          "rtds_api_rate");

  @Test
  void theMetamodelMapsTheDocumentedTablesAndRtdsOwnTables() {
    Set<String> tables =
        factory.getMetamodel().getEntities().stream()
            .map(entity -> entity.getJavaType().getAnnotation(Table.class).name())
            .collect(Collectors.toSet());

    Set<String> expected = new java.util.HashSet<>(DocumentedSchema.load().tableNames());
    expected.addAll(RTDS_TABLES);
    assertThat(factory.getMetamodel().getEntities()).hasSize(26 + RTDS_TABLES.size());
    assertThat(tables).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyEntityReadsBackWithEveryAttributeAsWritten() {
    SoftAssertions softly = new SoftAssertions();
    EntityManager em = factory.createEntityManager();
    try {
      for (Object written : graph.entities()) {
        EntityType<?> type = factory.getMetamodel().entity(written.getClass());
        Object id = factory.getPersistenceUnitUtil().getIdentifier(written);
        softly.assertThat(id).as(type.getName() + " id").isNotNull();
        Object read = em.find(written.getClass(), id);
        softly.assertThat(read).as(type.getName() + " read back").isNotNull().isNotSameAs(written);
        for (Attribute<?, ?> attribute : type.getAttributes()) {
          String name = type.getName() + "." + attribute.getName();
          Object expected = comparable(valueOf(attribute, written));
          softly.assertThat(expected).as(name + " is set by SampleGraph").isNotNull();
          softly.assertThat(comparable(valueOf(attribute, read))).as(name).isEqualTo(expected);
        }
      }
    } finally {
      em.close();
    }
    softly.assertAll();
  }

  @Test
  void everyEntityCanBeQueried() {
    EntityManager em = factory.createEntityManager();
    try {
      for (EntityType<?> type : factory.getMetamodel().getEntities()) {
        List<?> rows =
            em.createQuery("select e from " + type.getName() + " e", type.getJavaType())
                .setMaxResults(1)
                .getResultList();
        assertThat(rows).as(type.getName()).hasSize(1);
      }
    } finally {
      em.close();
    }
  }

  @Test
  void namedQueriesFindTheSampleRows() {
    EntityManager em = factory.createEntityManager();
    try {
      assertThat(
              em.createNamedQuery(AuthUser.FIND_BY_USERNAME, AuthUser.class)
                  .setParameter("username", graph.user.getUsername())
                  .getSingleResult())
          .isEqualTo(graph.user);
      assertThat(em.createNamedQuery(AuthUser.COUNT_ALL, Long.class).getSingleResult())
          .isEqualTo(1L);
      assertThat(
              em.createNamedQuery(AuthGroup.FIND_BY_NAME, AuthGroup.class)
                  .setParameter("name", graph.group.getName())
                  .getSingleResult())
          .isEqualTo(graph.group);
      assertThat(
              em.createNamedQuery(AuthUserGroup.FIND_GROUP_NAMES_BY_USER, String.class)
                  .setParameter("userId", graph.user.getId())
                  .getResultList())
          .containsExactly(graph.group.getName());
      assertThat(
              em.createNamedQuery(UserProfile.FIND_BY_USER, UserProfile.class)
                  .setParameter("userId", graph.user.getId())
                  .getSingleResult())
          .isEqualTo(graph.profile);
      assertThat(em.createNamedQuery(Patient.COUNT_ALL, Long.class).getSingleResult())
          .isEqualTo(1L);
      assertThat(em.createNamedQuery(Study.COUNT_ALL, Long.class).getSingleResult()).isEqualTo(1L);
      assertThat(
              em.createNamedQuery(Study.FIND_BY_STUDY_UID, Study.class)
                  .setParameter("studyInstanceUid", graph.study.getStudyInstanceUid())
                  .getSingleResult())
          .isEqualTo(graph.study);
      assertThat(
              em.createNamedQuery(Series.FIND_BY_SERIES_UID, Series.class)
                  .setParameter("seriesInstanceUid", graph.ctSeries.getSeriesInstanceUid())
                  .getSingleResult())
          .isEqualTo(graph.ctSeries);
      assertThat(
              em.createNamedQuery(CtImage.FIND_BY_SOP_INSTANCE_UID, CtImage.class)
                  .setParameter("sopInstanceUid", graph.ctImage.getSopInstanceUid())
                  .getSingleResult())
          .isEqualTo(graph.ctImage);
      assertThat(
              em.createNamedQuery(RtStructureSet.FIND_BY_SOP_INSTANCE_UID, RtStructureSet.class)
                  .setParameter("sopInstanceUid", graph.structureSet.getSopInstanceUid())
                  .getSingleResult())
          .isEqualTo(graph.structureSet);
      assertThat(
              em.createNamedQuery(RtDose.FIND_BY_SOP_INSTANCE_UID, RtDose.class)
                  .setParameter("sopInstanceUid", graph.dose.getSopInstanceUid())
                  .getSingleResult())
          .isEqualTo(graph.dose);
      assertThat(
              em.createNamedQuery(OarDictionaryEntry.FIND_BY_ROI_NAME, OarDictionaryEntry.class)
                  .setParameter("roiName", graph.ptv.getRoiName())
                  .getResultList())
          .containsExactly(graph.ptv);
    } finally {
      em.close();
    }
  }

  @Test
  void isodoseRowsWrittenManyAtATimeReadBackAsPersistedOnesDo() {
    int count = 2 * 100 + 7;
    int written =
        inTransaction(
            em -> {
              List<RtIsodose> rows = new java.util.ArrayList<>();
              for (int i = 0; i < count; i++) {
                RtIsodose row = new RtIsodose();
                row.setRowPositions("1" + i + ",2,3");
                row.setColumnPositions("4,5," + i);
                row.setIsodoseLevel(i % 120);
                row.setCtImage(em.getReference(CtImage.class, graph.ctImage.getId()));
                row.setDose(em.getReference(RtDose.class, graph.dose.getId()));
                row.setPatient(em.getReference(Patient.class, graph.patient.getId()));
                row.setSeries(em.getReference(Series.class, graph.isodose.getSeries().getId()));
                row.setStudy(em.getReference(Study.class, graph.study.getId()));
                rows.add(row);
              }
              return RtRows.ISODOSES.insert(em, rows);
            });
    assertThat(written).isEqualTo(count);
    List<RtIsodose> read =
        inTransaction(
            em ->
                em.createQuery(
                        "select i from RtIsodose i where i.id <> :sample order by i.id",
                        RtIsodose.class)
                    .setParameter("sample", graph.isodose.getId())
                    .getResultList());
    try {
      assertThat(read).hasSize(count);
      for (int i = 0; i < count; i++) {
        RtIsodose row = read.get(i);
        assertThat(row.getRowPositions()).isEqualTo("1" + i + ",2,3");
        assertThat(row.getColumnPositions()).isEqualTo("4,5," + i);
        assertThat(row.getIsodoseLevel()).isEqualTo(i % 120);
        assertThat(row.getCtImage().getId()).isEqualTo(graph.ctImage.getId());
        assertThat(row.getDose().getId()).isEqualTo(graph.dose.getId());
        assertThat(row.getPatient().getId()).isEqualTo(graph.patient.getId());
        assertThat(row.getSeries().getId()).isEqualTo(graph.isodose.getSeries().getId());
        assertThat(row.getStudy().getId()).isEqualTo(graph.study.getId());
      }
    } finally {
      runInTransaction(
          em ->
              em.createQuery("delete from RtIsodose i where i.id <> :sample")
                  .setParameter("sample", graph.isodose.getId())
                  .executeUpdate());
    }
  }

  @Test
  void contoursAndDoseFramesWrittenManyAtATimeReadBackAsWritten() {
    int count = 123;
    String big = "1.5,".repeat(300_000) + "2"; // 1.2 MB: statements split by size as well
    runInTransaction(
        em -> {
          List<RtContour> contours = new java.util.ArrayList<>();
          List<RtDoseImage> frames = new java.util.ArrayList<>();
          for (int i = 0; i < count; i++) {
            RtContour c = new RtContour();
            c.setContourGeometricType(i % 2 == 0 ? "CLOSED_PLANAR" : null);
            c.setNumberOfContourPoints(i);
            c.setContourData(i % 10 == 0 ? big : "1," + i + ",3");
            c.setReferencedSopClassUid(i % 3 == 0 ? null : "1.2.840.10008.5.1.4.1.1.2");
            c.setReferencedSopInstanceUid("1.2.3." + i);
            c.setRoi(em.getReference(RtRoi.class, graph.roi.getId()));
            c.setStructureSet(em.getReference(RtStructureSet.class, graph.structureSet.getId()));
            contours.add(c);
            RtDoseImage f = new RtDoseImage();
            f.setColumns(3 + i);
            f.setRows(2);
            f.setImageOrientationPatient("1\\0\\0\\0\\1\\0");
            f.setImagePositionPatient("0\\0\\" + i);
            f.setPhotometricInterpretation(i % 4 == 0 ? null : "MONOCHROME2");
            f.setPixelSpacing("2.5\\2.5");
            f.setNumberOfFrames(1);
            f.setImageData(i % 10 == 0 ? big : "frame " + i);
            f.setDose(em.getReference(RtDose.class, graph.dose.getId()));
            f.setFrameNumber(1000 + i); // the sample's frame is 0 (unique per dose)
            f.setBitsAllocated(32);
            f.setPixelRepresentation(i % 2);
            f.setPatient(em.getReference(Patient.class, graph.patient.getId()));
            f.setStudy(em.getReference(Study.class, graph.study.getId()));
            f.setSeries(em.getReference(Series.class, graph.dose.getSeries().getId()));
            f.setUser(
                graph.dose.getUser() == null
                    ? null
                    : em.getReference(AuthUser.class, graph.dose.getUser().getId()));
            frames.add(f);
          }
          assertThat(RtRows.CONTOURS.insert(em, contours)).isEqualTo(count);
          assertThat(RtRows.DOSE_IMAGES.insert(em, frames)).isEqualTo(count);
        });
    try {
      List<RtContour> contours =
          inTransaction(
              em ->
                  em.createQuery(
                          "select c from RtContour c where c.referencedSopInstanceUid like"
                              + " '1.2.3.%' order by c.id",
                          RtContour.class)
                      .getResultList());
      List<RtDoseImage> frames =
          inTransaction(
              em ->
                  em.createQuery(
                          "select f from RtDoseImage f where f.id <> :sample order by f.id",
                          RtDoseImage.class)
                      .setParameter("sample", graph.doseImage.getId())
                      .getResultList());
      assertThat(contours).hasSize(count);
      assertThat(frames).hasSize(count);
      for (int i = 0; i < count; i++) {
        RtContour c = contours.get(i);
        assertThat(c.getContourGeometricType()).isEqualTo(i % 2 == 0 ? "CLOSED_PLANAR" : null);
        assertThat(c.getNumberOfContourPoints()).isEqualTo(i);
        assertThat(c.getContourData()).isEqualTo(i % 10 == 0 ? big : "1," + i + ",3");
        assertThat(c.getReferencedSopClassUid())
            .isEqualTo(i % 3 == 0 ? null : "1.2.840.10008.5.1.4.1.1.2");
        assertThat(c.getRoi().getId()).isEqualTo(graph.roi.getId());
        assertThat(c.getStructureSet().getId()).isEqualTo(graph.structureSet.getId());
        RtDoseImage f = frames.get(i);
        assertThat(f.getColumns()).isEqualTo(3 + i);
        assertThat(f.getRows()).isEqualTo(2);
        assertThat(f.getImagePositionPatient()).isEqualTo("0\\0\\" + i);
        assertThat(f.getPhotometricInterpretation()).isEqualTo(i % 4 == 0 ? null : "MONOCHROME2");
        assertThat(f.getImageData()).isEqualTo(i % 10 == 0 ? big : "frame " + i);
        assertThat(f.getFrameNumber()).isEqualTo(1000 + i);
        assertThat(f.getPixelRepresentation()).isEqualTo(i % 2);
        assertThat(f.getDose().getId()).isEqualTo(graph.dose.getId());
        assertThat(f.getSeries().getId()).isEqualTo(graph.dose.getSeries().getId());
      }
    } finally {
      runInTransaction(
          em -> {
            em.createQuery(
                    "delete from RtContour c where c.referencedSopInstanceUid like '1.2.3.%'")
                .executeUpdate();
            em.createQuery("delete from RtDoseImage f where f.id <> :sample")
                .setParameter("sample", graph.doseImage.getId())
                .executeUpdate();
          });
    }
  }

  @Test
  void associationsAreLazyAndProxiesEqualTheirEntities() {
    EntityManager em = factory.createEntityManager();
    try {
      RtRoi roi = em.find(RtRoi.class, graph.roi.getId());

      assertThat(factory.getPersistenceUnitUtil().isLoaded(roi, "structureSet")).isFalse();
      assertThat(roi.getStructureSet()).isEqualTo(graph.structureSet);
      assertThat(roi.getStructureSet().hashCode()).isEqualTo(graph.structureSet.hashCode());
      assertThat(roi.getStructureSet().getId()).isEqualTo(graph.structureSet.getId());
      assertThat(roi).isNotEqualTo(new RtRoi()).isNotEqualTo(graph.oar);
    } finally {
      em.close();
    }
  }

  /**
   * Date-times are stored as the UTC wall-clock time the entity holds, whatever the JVM's time zone
   * (hibernate.type.java_time_use_direct_jdbc in persistence.xml); legacy Django rows, written in
   * UTC, read back unshifted.
   */
  @Test
  void dateTimesAreStoredAsWrittenWhateverTheJvmTimeZone() {
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
    try {
      LocalDateTime written = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
      DjangoSession session = new DjangoSession();
      session.setSessionKey("timezone0000000000000000000000000000000");
      session.setSessionData("e30=");
      session.setExpireDate(written);
      runInTransaction(em -> em.persist(session));

      assertThat(
              database.query(
                  "select cast(expire_date as char) as stored from django_session where session_key"
                      + " = ?",
                  session.getSessionKey()))
          .extracting(row -> row.get("stored"))
          .containsExactly("2024-01-02 03:04:05");
      assertThat(
              inTransaction(em -> em.find(DjangoSession.class, session.getSessionKey()))
                  .getExpireDate())
          .isEqualTo(written);
    } finally {
      TimeZone.setDefault(original);
    }
  }

  /** Value of a persistent attribute, read from its field (field access, proxies not involved). */
  private static Object valueOf(Attribute<?, ?> attribute, Object entity) {
    try {
      Field field = (Field) attribute.getJavaMember();
      field.setAccessible(true);
      return field.get(entity);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Associations compare by id (a lazy proxy is not loaded), everything else by value. */
  private static Object comparable(Object value) {
    return value instanceof GeneratedIdEntity entity ? entity.getId() : value;
  }

  private static void runInTransaction(Consumer<EntityManager> work) {
    inTransaction(
        (Function<EntityManager, Void>)
            em -> {
              work.accept(em);
              return null;
            });
  }

  private static <T> T inTransaction(Function<EntityManager, T> work) {
    return TestPersistence.inTransaction(factory, work);
  }
}
