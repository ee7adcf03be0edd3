package org.rtds.ingest.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.domain.query.SearchText;
import org.rtds.domain.rt.RtDose;
import org.rtds.domain.rt.RtStructureSet;
import org.rtds.ingest.control.FeatureJobBooking;
import org.rtds.ingest.entity.ArchiveCounts;
import org.rtds.ingest.entity.PatientListing;
import org.rtds.ingest.entity.PatientOrder;
import org.rtds.ingest.entity.PatientRecord;
import org.rtds.ingest.entity.ResultPage;
import org.rtds.ingest.entity.SeriesRecord;
import org.rtds.ingest.entity.SeriesRecord.InstanceListing;
import org.rtds.ingest.entity.StudyListing;
import org.rtds.ingest.entity.StudyRecord;
import org.rtds.ingest.entity.StudyRecord.SeriesListing;

/**
 * The patient record as the API and the pages read it: patients, their studies and series, each
 * limited to the studies of given sending accounts (the caller's hospital, decided by rtds-security
 * and passed in as {@code senders}: {@code auth_user.id}s, or null for every hospital's). A patient
 * or study of another hospital is answered exactly like one that does not exist.
 *
 * <p>Read-only; joins a caller's transaction when there is one.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@PermitAll
public class PatientRecords {

  private static final String STUDY_LISTING =
      "select s.studyInstanceUid, s.studyDate, s.studyDescription, p.patientId, p.patientName,"
          + " j.status, j.detail from Study s join s.patient p left join FeatureJob j on j.study = s";

  /** A study's series (parameter {@code id}), read as {@link #seriesListing}. */
  private static final String SERIES_LISTING =
      "select s.seriesInstanceUid, s.modality, s.seriesDescription, s.frameOfReferenceUid"
          + " from Series s where s.study.id = :id";

  @PersistenceContext EntityManager em;

  /**
   * Patients, a page at a time.
   *
   * @param text matches any part of the name or Patient ID without regard to case; blank for all
   * @param page 1 for the first
   * @param size patients per page
   * @param order how they are sorted
   * @param senders whose patients count; null for every hospital's
   */
  public ResultPage<PatientListing> patients(
      String text, PatientOrder order, int page, int size, Collection<Integer> senders) {
    if (senders != null && senders.isEmpty()) {
      return new ResultPage<>(List.of(), 0);
    }
    String pattern = SearchText.containsPattern(text);
    String where =
        " where 1 = 1"
            + sendersCondition("p.user.id", senders)
            + (pattern == null
                ? ""
                : " and (lower(p.patientName) like :q escape '!'"
                    + " or lower(p.patientId) like :q escape '!')");
    Query count = em.createQuery("select count(p) from Patient p" + where, Long.class);
    Query rows =
        em.createQuery(
            "select p.id, p.patientId, p.patientName, p.birthDate, p.gender,"
                + " (select count(s) from Study s where s.patient = p) as studies,"
                // the newest object's time (max() of a LocalDateTime is refused by Hibernate 6.6
                // with this unit's java.time mapping; ids grow with every stored object)
                + " (select l.receivedAt from StoredObject l where l.id = (select max(o.id)"
                + " from StoredObject o where o.study.patient = p)) as lastReceived from Patient p"
                + where
                + order.jpql(),
            Object[].class);
    for (Query q : List.of(count, rows)) {
      bindSenders(q, senders);
      if (pattern != null) {
        q.setParameter("q", pattern);
      }
    }
    List<PatientListing> items =
        ((List<?>) rows.setFirstResult((page - 1) * size).setMaxResults(size).getResultList())
            .stream()
                .map(Object[].class::cast)
                .map(
                    r ->
                        new PatientListing(
                            (Integer) r[0],
                            (String) r[1],
                            (String) r[2],
                            (LocalDate) r[3],
                            (String) r[4],
                            (Long) r[5],
                            (LocalDateTime) r[6]))
                .toList();
    return new ResultPage<>(items, (Long) count.getSingleResult());
  }

  /**
   * One patient with its studies (newest first).
   *
   * @param senders whose patients count; null for every hospital's
   * @return empty when there is no such patient or it belongs to another hospital
   */
  public Optional<PatientRecord> patient(int id, Collection<Integer> senders) {
    Patient patient = em.find(Patient.class, id);
    if (patient == null
        || !sentBy(patient.getUser() == null ? null : patient.getUser().getId(), senders)) {
      return Optional.empty();
    }
    List<StudyListing> studies =
        studies(
            em.createQuery(
                    STUDY_LISTING
                        + " where p.id = :id order by s.studyDate desc nulls last, s.id desc",
                    Object[].class)
                .setParameter("id", id)
                .getResultList());
    return Optional.of(
        new PatientRecord(
            patient.getId(),
            patient.getPatientId(),
            patient.getPatientName(),
            patient.getBirthDate(),
            patient.getGender(),
            patient.getEthnicGroup(),
            studies));
  }

  /**
   * The studies received last.
   *
   * @param limit at most this many
   * @param senders whose studies count; null for every hospital's
   */
  public List<StudyListing> recentStudies(int limit, Collection<Integer> senders) {
    if (senders != null && senders.isEmpty()) {
      return List.of();
    }
    var query =
        em.createQuery(
            STUDY_LISTING
                + " where 1 = 1"
                + sendersCondition("s.user.id", senders)
                + " order by s.id desc",
            Object[].class);
    bindSenders(query, senders);
    return studies(query.setMaxResults(limit).getResultList());
  }

  /**
   * The {@code studies.id} of a study the caller may see. Two accounts may each have sent the same
   * study (each has its own row); the one {@code preferredSender} sent comes first, then the
   * oldest.
   *
   * @param senders whose studies count; null for every hospital's
   * @param preferredSender the caller's own account
   */
  public Optional<Integer> visibleStudy(
      String studyInstanceUid, Collection<Integer> senders, int preferredSender) {
    if (senders != null && senders.isEmpty()) {
      return Optional.empty();
    }
    var query =
        em.createQuery(
                "select s.id from Study s where s.studyInstanceUid = :uid"
                    + sendersCondition("s.user.id", senders)
                    + " order by case when s.user.id = :account then 0 else 1 end, s.id",
                Integer.class)
            .setParameter("uid", studyInstanceUid)
            .setParameter("account", preferredSender)
            .setMaxResults(1);
    bindSenders(query, senders);
    return query.getResultStream().findFirst();
  }

  /**
   * A study found by {@link #visibleStudy}: its series, objects and feature status.
   *
   * @param studyId {@code studies.id}
   */
  public StudyRecord study(int studyId) {
    StudyListing listing =
        studies(
                em.createQuery(STUDY_LISTING + " where s.id = :id", Object[].class)
                    .setParameter("id", studyId)
                    .getResultList())
            .get(0);
    List<SeriesListing> series =
        em
            .createQuery(SERIES_LISTING + " order by s.id", Object[].class)
            .setParameter("id", studyId)
            .getResultList()
            .stream()
            .map(PatientRecords::seriesListing)
            .toList();
    return new StudyRecord(studyId, listing, series, FeatureJobBooking.studyInputs(em, studyId));
  }

  /**
   * One series of a study found by {@link #visibleStudy}, with the objects of it RTDS received.
   *
   * @param studyId {@code studies.id}
   * @param seriesInstanceUid Series Instance UID (0020,000E)
   * @return empty when the study has no such series
   */
  public Optional<SeriesRecord> series(int studyId, String seriesInstanceUid) {
    Optional<SeriesListing> series =
        em.createQuery(
                SERIES_LISTING + " and s.seriesInstanceUid = :uid order by s.id", Object[].class)
            .setParameter("id", studyId)
            .setParameter("uid", seriesInstanceUid)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .map(PatientRecords::seriesListing);
    return series.map(
        s ->
            new SeriesRecord(
                s,
                em.createQuery(
                        "select o.sopInstanceUid, o.sopClassUid, o.modality, o.transferSyntaxUid,"
                            + " o.sizeBytes, o.receivedAt, o.channel"
                            + " from StoredObject o where o.study.id = :id"
                            + " and o.seriesInstanceUid = :uid order by o.id",
                        Object[].class)
                    .setParameter("id", studyId)
                    .setParameter("uid", seriesInstanceUid)
                    .getResultStream()
                    .map(
                        r ->
                            new InstanceListing(
                                (String) r[0],
                                (String) r[1],
                                (String) r[2],
                                (String) r[3],
                                ((Number) r[4]).longValue(),
                                (LocalDateTime) r[5],
                                (String) r[6]))
                    .toList()));
  }

  /** How many patients, studies, series, CT images, structure sets and dose grids are held. */
  public ArchiveCounts counts() {
    return new ArchiveCounts(
        count(Patient.class),
        count(Study.class),
        count(Series.class),
        count(CtImage.class),
        count(RtStructureSet.class),
        count(RtDose.class));
  }

  private long count(Class<?> entity) {
    var builder = em.getCriteriaBuilder();
    var query = builder.createQuery(Long.class);
    query.select(builder.count(query.from(entity)));
    return em.createQuery(query).getSingleResult();
  }

  private static SeriesListing seriesListing(Object[] r) {
    return new SeriesListing((String) r[0], (String) r[1], (String) r[2], (String) r[3]);
  }

  private static List<StudyListing> studies(List<Object[]> rows) {
    return rows.stream()
        .map(
            r ->
                new StudyListing(
                    (String) r[0],
                    (LocalDate) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (FeatureJobStatus) r[5],
                    (String) r[6]))
        .toList();
  }

  private static boolean sentBy(Integer sender, Collection<Integer> senders) {
    return senders == null || (sender != null && senders.contains(sender));
  }

  private static String sendersCondition(String senderPath, Collection<Integer> senders) {
    return senders == null ? "" : " and " + senderPath + " in (:senders)";
  }

  private static void bindSenders(Query query, Collection<Integer> senders) {
    if (senders != null) {
      query.setParameter("senders", List.copyOf(senders));
    }
  }
}
