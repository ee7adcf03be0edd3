package org.rtds.ingest.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rtds.domain.patient.Patient;
import org.rtds.domain.patient.Series;
import org.rtds.domain.patient.Study;
import org.rtds.domain.store.StoredObject;
import org.rtds.ingest.dicom.DicomJson;
import org.rtds.ingest.dicom.DicomParseException;
import org.rtds.ingest.dicom.HounsfieldReader;
import org.rtds.ingest.entity.ArchivedFile;
import org.rtds.ingest.entity.HounsfieldImage;
import org.rtds.ingest.entity.QidoAnswer;
import org.rtds.ingest.entity.QidoAttribute;
import org.rtds.ingest.entity.QidoLevel;
import org.rtds.ingest.entity.QidoQuery;
import org.rtds.ingest.entity.QidoQuery.Match;

/**
 * What RTDS stored, as a DICOM archive: searched (QIDO-RS, PS3.18 §10.6) and retrieved as received
 * ({@link #files}, for WADO-RS). Searches find studies, series and instances from {@code patients},
 * {@code studies}, {@code series} and {@code rtds_object}, limited to the studies of the given
 * sending accounts. Matching keys are bound parameters; wildcards ({@code *}, {@code ?}) become
 * {@code LIKE} patterns with the SQL wildcards taken literally. Names (PN) match without regard to
 * case; the database's collation (utf8mb4_unicode_ci) makes the other texts case-insensitive too.
 * Instances are the objects RTDS keeps files of ({@code rtds_object}); rows of an adopted legacy
 * database have none, so their studies answer with 0 instances.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
// Who may call (ARCHITECTURE D37): the web tier, after checking view_patient; it passes the
// caller's hospital as the set of sending accounts, so the archive itself needs no caller.
@PermitAll
public class DicomArchive {

  private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

  /** Study-level attributes every study answer carries, empty where RTDS does not store them. */
  private static final List<QidoAttribute> NOT_STORED_STUDY =
      List.of(
          QidoAttribute.STUDY_TIME,
          QidoAttribute.ACCESSION_NUMBER,
          QidoAttribute.REFERRING_PHYSICIAN_NAME,
          QidoAttribute.STUDY_ID);

  @PersistenceContext EntityManager em;

  @Inject FileStore fileStore;

  /**
   * @param query the checked search
   * @param senders {@code auth_user.id} of the accounts whose studies the caller may see; null for
   *     every study (superusers)
   */
  public QidoAnswer search(QidoQuery query, Collection<Integer> senders) {
    return switch (query.level()) {
      case STUDY -> studies(query, senders);
      case SERIES -> series(query, senders);
      case INSTANCE -> instances(query, senders);
    };
  }

  /**
   * The files of a study, of one of its series, or of one object (WADO-RS), as received: one per
   * SOP Instance UID, in series order, of the given sending accounts only.
   *
   * @param studyInstanceUid the study
   * @param seriesInstanceUid one series of it, or null for all
   * @param sopInstanceUid one object of that series, or null for all
   * @param senders {@code auth_user.id} of the accounts whose studies the caller may see; null for
   *     every study (superusers)
   * @return the files; empty when there is no such study, series or object the caller may see
   */
  public List<ArchivedFile> files(
      String studyInstanceUid,
      String seriesInstanceUid,
      String sopInstanceUid,
      Collection<Integer> senders) {
    if (senders != null && senders.isEmpty()) {
      return List.of();
    }
    TypedQuery<StoredObject> query =
        em.createQuery(
                "select o from StoredObject o join o.study s where s.studyInstanceUid = :study"
                    + (seriesInstanceUid == null ? "" : " and o.seriesInstanceUid = :series")
                    + (sopInstanceUid == null ? "" : " and o.sopInstanceUid = :sop")
                    + (senders == null ? "" : " and s.user.id in (:senders)")
                    + " order by o.seriesInstanceUid, o.id",
                StoredObject.class)
            .setParameter("study", studyInstanceUid);
    if (seriesInstanceUid != null) {
      query.setParameter("series", seriesInstanceUid);
    }
    if (sopInstanceUid != null) {
      query.setParameter("sop", sopInstanceUid);
    }
    if (senders != null) {
      query.setParameter("senders", List.copyOf(senders));
    }
    Map<String, ArchivedFile> files = new LinkedHashMap<>();
    for (StoredObject o : query.getResultList()) {
      files.putIfAbsent(
          o.getSopInstanceUid(),
          new ArchivedFile(
              fileStore.store().resolve(o.getFilePath()),
              o.getSopClassUid(),
              o.getSopInstanceUid(),
              o.getSeriesInstanceUid(),
              o.getTransferSyntaxUid()));
    }
    return List.copyOf(files.values());
  }

  /**
   * The attributes of stored objects as DICOM JSON (WADO-RS metadata), one object per file.
   *
   * @param files what {@link #files} found
   * @throws UncheckedIOException when a stored file can no longer be read
   */
  public List<JsonObject> metadata(List<ArchivedFile> files) {
    return metadata(files, null);
  }

  /**
   * The attributes of stored objects as DICOM JSON, large binary values as {@code BulkDataURI}s.
   *
   * @param files what {@link #files} found
   * @param bulkDataBase the URL of each file's WADO-RS instance resource; null for no bulk data
   * @throws UncheckedIOException when a stored file can no longer be read
   */
  public List<JsonObject> metadata(
      List<ArchivedFile> files, java.util.function.Function<ArchivedFile, String> bulkDataBase) {
    List<JsonObject> metadata = new ArrayList<>();
    for (ArchivedFile file : files) {
      try {
        metadata.add(
            DicomJson.metadata(
                file.path(), bulkDataBase == null ? null : bulkDataBase.apply(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the stored file of " + file.sopInstanceUid(), e);
      } catch (DicomParseException e) {
        throw new UncheckedIOException(
            "the stored file of " + file.sopInstanceUid() + " is no longer readable",
            new IOException(e.getMessage(), e));
      }
    }
    return metadata;
  }

  /**
   * One binary value of a stored object (WADO-RS bulk data), as {@link DicomJson#bulkData}.
   *
   * @param file what {@link #files} found
   * @param tag the top-level attribute
   * @return its bytes; empty when the object has no such binary value
   * @throws UncheckedIOException when the stored file can no longer be read
   */
  public java.util.Optional<byte[]> bulkData(ArchivedFile file, int tag) {
    try {
      return DicomJson.bulkData(file.path(), tag);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored file of " + file.sopInstanceUid(), e);
    } catch (DicomParseException e) {
      throw new UncheckedIOException(
          "the stored file of " + file.sopInstanceUid() + " is no longer readable",
          new IOException(e.getMessage(), e));
    }
  }

  /**
   * A stored CT image's pixels in Hounsfield units (for the study viewer).
   *
   * @param file what {@link #files} found
   * @return the pixels; empty when the object has no pixel data RTDS can decode
   * @throws UncheckedIOException when the stored file can no longer be read
   */
  public java.util.Optional<HounsfieldImage> hounsfield(ArchivedFile file) {
    try {
      return java.util.Optional.of(HounsfieldReader.read(file.path()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored file of " + file.sopInstanceUid(), e);
    } catch (DicomParseException e) {
      return java.util.Optional.empty();
    }
  }

  private QidoAnswer studies(QidoQuery query, Collection<Integer> senders) {
    Jpql jpql = new Jpql(query, senders);
    Page<Study> page =
        jpql.page(
            em,
            "select s from Study s join fetch s.patient p where 1 = 1",
            " order by s.studyDate desc, s.id desc",
            Study.class);
    List<Study> studies = page.items();
    List<Integer> ids = studies.stream().map(Study::getId).toList();
    Map<Integer, Set<String>> modalities = new HashMap<>();
    Map<Integer, Long> seriesCounts = new HashMap<>();
    for (Object[] row :
        ofStudies(
            "select se.study.id, se.modality from Series se where se.study.id in :ids", ids)) {
      seriesCounts.merge((Integer) row[0], 1L, Long::sum);
      if (row[1] != null) {
        modalities.computeIfAbsent((Integer) row[0], k -> new TreeSet<>()).add((String) row[1]);
      }
    }
    Map<Integer, Long> instanceCounts = new HashMap<>();
    for (Object[] row :
        ofStudies(
            "select o.study.id, count(o) from StoredObject o where o.study.id in :ids"
                + " group by o.study.id",
            ids)) {
      instanceCounts.put((Integer) row[0], (Long) row[1]);
    }
    List<Map<QidoAttribute, List<String>>> results = new ArrayList<>();
    for (Study study : studies) {
      Map<QidoAttribute, List<String>> result = studyAttributes(study);
      put(
          result,
          QidoAttribute.MODALITIES_IN_STUDY,
          List.copyOf(modalities.getOrDefault(study.getId(), Set.of())));
      put(
          result,
          QidoAttribute.NUMBER_OF_STUDY_RELATED_SERIES,
          String.valueOf(seriesCounts.getOrDefault(study.getId(), 0L)));
      put(
          result,
          QidoAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES,
          String.valueOf(instanceCounts.getOrDefault(study.getId(), 0L)));
      results.add(result);
    }
    return new QidoAnswer(results, page.more());
  }

  private QidoAnswer series(QidoQuery query, Collection<Integer> senders) {
    Jpql jpql = new Jpql(query, senders);
    Page<Series> page =
        jpql.page(
            em,
            "select se from Series se join fetch se.study s join fetch s.patient p where 1 = 1",
            " order by s.studyDate desc, s.id desc, se.id",
            Series.class);
    List<Series> series = page.items();
    Map<String, Long> counts = new HashMap<>();
    List<Integer> studyIds = series.stream().map(se -> se.getStudy().getId()).distinct().toList();
    for (Object[] row :
        ofStudies(
            "select o.study.id, o.seriesInstanceUid, count(o) from StoredObject o"
                + " where o.study.id in :ids group by o.study.id, o.seriesInstanceUid",
            studyIds)) {
      counts.put(row[0] + "/" + row[1], (Long) row[2]);
    }
    List<Map<QidoAttribute, List<String>>> results = new ArrayList<>();
    for (Series se : series) {
      Map<QidoAttribute, List<String>> result = studyAttributes(se.getStudy());
      seriesAttributes(result, se);
      put(
          result,
          QidoAttribute.NUMBER_OF_SERIES_RELATED_INSTANCES,
          String.valueOf(
              counts.getOrDefault(se.getStudy().getId() + "/" + se.getSeriesInstanceUid(), 0L)));
      results.add(result);
    }
    return new QidoAnswer(results, page.more());
  }

  private QidoAnswer instances(QidoQuery query, Collection<Integer> senders) {
    Jpql jpql = new Jpql(query, senders);
    Page<Object[]> page =
        jpql.page(
            em,
            "select o, se from StoredObject o join fetch o.study s join fetch s.patient p"
                + " left join Series se on se.study = s"
                + " and se.seriesInstanceUid = o.seriesInstanceUid where 1 = 1",
            " order by s.studyDate desc, s.id desc, o.seriesInstanceUid, o.id",
            Object[].class);
    List<Map<QidoAttribute, List<String>>> results = new ArrayList<>();
    for (Object[] row : page.items()) {
      StoredObject object = (StoredObject) row[0];
      Map<QidoAttribute, List<String>> result = studyAttributes(object.getStudy());
      if (row[1] instanceof Series se) {
        seriesAttributes(result, se);
      } else {
        put(result, QidoAttribute.SERIES_INSTANCE_UID, object.getSeriesInstanceUid());
        put(result, QidoAttribute.MODALITY, object.getModality());
      }
      put(result, QidoAttribute.SOP_CLASS_UID, object.getSopClassUid());
      put(result, QidoAttribute.SOP_INSTANCE_UID, object.getSopInstanceUid());
      put(result, QidoAttribute.INSTANCE_NUMBER, List.of());
      put(result, QidoAttribute.AVAILABLE_TRANSFER_SYNTAX_UID, object.getTransferSyntaxUid());
      results.add(result);
    }
    return new QidoAnswer(results, page.more());
  }

  /** The rows of a query over the studies {@code :ids} (none without a query when empty). */
  private List<Object[]> ofStudies(String jpql, List<Integer> studyIds) {
    return studyIds.isEmpty()
        ? List.of()
        : em.createQuery(jpql, Object[].class).setParameter("ids", studyIds).getResultList();
  }

  private static Map<QidoAttribute, List<String>> studyAttributes(Study study) {
    Patient patient = study.getPatient();
    Map<QidoAttribute, List<String>> result = new LinkedHashMap<>();
    put(result, QidoAttribute.STUDY_DATE, date(study.getStudyDate()));
    put(result, QidoAttribute.STUDY_DESCRIPTION, study.getStudyDescription());
    put(result, QidoAttribute.PATIENT_NAME, patient.getPatientName());
    put(result, QidoAttribute.PATIENT_ID, patient.getPatientId());
    put(result, QidoAttribute.PATIENT_BIRTH_DATE, date(patient.getBirthDate()));
    put(result, QidoAttribute.PATIENT_SEX, patient.getGender());
    put(result, QidoAttribute.STUDY_INSTANCE_UID, study.getStudyInstanceUid());
    NOT_STORED_STUDY.forEach(a -> put(result, a, List.of()));
    return result;
  }

  private static void seriesAttributes(Map<QidoAttribute, List<String>> result, Series se) {
    put(result, QidoAttribute.MODALITY, se.getModality());
    put(result, QidoAttribute.SERIES_DATE, date(se.getSeriesDate()));
    put(result, QidoAttribute.SERIES_DESCRIPTION, se.getSeriesDescription());
    put(result, QidoAttribute.SERIES_INSTANCE_UID, se.getSeriesInstanceUid());
    put(result, QidoAttribute.SERIES_NUMBER, se.getSeriesNumber());
  }

  private static void put(Map<QidoAttribute, List<String>> result, QidoAttribute a, String value) {
    put(result, a, value == null || value.isBlank() ? List.of() : List.of(value.strip()));
  }

  private static void put(
      Map<QidoAttribute, List<String>> result, QidoAttribute a, List<String> values) {
    result.put(a, values);
  }

  private static String date(LocalDate date) {
    return date == null ? null : DA.format(date);
  }

  /** One page of a search's rows, and whether more rows match. */
  private record Page<T>(List<T> items, boolean more) {}

  /** The WHERE conditions of one search, its bound parameters, and the page it asks for. */
  private static final class Jpql {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final QidoQuery query;

    Jpql(QidoQuery query, Collection<Integer> senders) {
      this.query = query;
      if (senders != null && senders.isEmpty()) {
        where.append(" and 1 = 0"); // no account's studies: nothing (never "in ()")
      } else if (senders != null) {
        bind(" and s.user.id in (:%s)", List.copyOf(senders));
      }
      if (query.studyInstanceUid() != null) {
        bind(" and s.studyInstanceUid = :%s", query.studyInstanceUid());
      }
      if (query.seriesInstanceUid() != null) {
        bind(
            query.level() == QidoLevel.INSTANCE
                ? " and o.seriesInstanceUid = :%s"
                : " and se.seriesInstanceUid = :%s",
            query.seriesInstanceUid());
      }
      for (Match match : query.matches()) {
        condition(match);
      }
    }

    <T> Page<T> page(EntityManager em, String select, String orderBy, Class<T> type) {
      TypedQuery<T> typed = em.createQuery(select + where + orderBy, type);
      parameters.forEach(typed::setParameter);
      // one more than asked: tells whether more match
      List<T> rows =
          typed.setFirstResult(query.offset()).setMaxResults(query.limit() + 1).getResultList();
      return new Page<>(
          rows.subList(0, Math.min(rows.size(), query.limit())), rows.size() > query.limit());
    }

    private void condition(Match match) {
      QidoAttribute attribute = match.attribute();
      String path = path(attribute);
      switch (attribute.matching()) {
        case UID_LIST, LIST -> bind(" and " + path + " in (:%s)", match.values());
        case MODALITIES_IN_STUDY ->
            bind(
                " and exists (select 1 from Series m where m.study = s and m.modality in (:%s))",
                match.values());
        case SINGLE_VALUE -> bind(" and " + path + " = :%s", match.values().get(0));
        case DATE_RANGE -> {
          if (match.from() != null) {
            bind(" and " + path + " >= :%s", match.from());
          }
          if (match.to() != null) {
            bind(" and " + path + " <= :%s", match.to());
          }
        }
        case WILDCARD -> {
          String value = match.values().get(0);
          boolean name = attribute.vr().equals("PN");
          String column = name ? "lower(" + path + ")" : path;
          String text = name ? value.toLowerCase(java.util.Locale.ROOT) : value;
          if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
            bind(" and " + column + " = :%s", text);
          } else {
            bind(" and " + column + " like :%s escape '!'", likePattern(text));
          }
        }
        case RETURN_ONLY, NOT_STORED ->
            throw new IllegalStateException("not a matching key: " + attribute);
      }
    }

    private String path(QidoAttribute attribute) {
      boolean instance = query.level() == QidoLevel.INSTANCE;
      return switch (attribute) {
        case STUDY_DATE -> "s.studyDate";
        case STUDY_DESCRIPTION -> "s.studyDescription";
        case PATIENT_NAME -> "p.patientName";
        case PATIENT_ID -> "p.patientId";
        case PATIENT_BIRTH_DATE -> "p.birthDate";
        case PATIENT_SEX -> "p.gender";
        case STUDY_INSTANCE_UID -> "s.studyInstanceUid";
        case MODALITY -> instance ? "o.modality" : "se.modality";
        case SERIES_DATE -> "se.seriesDate";
        case SERIES_DESCRIPTION -> "se.seriesDescription";
        case SERIES_INSTANCE_UID -> instance ? "o.seriesInstanceUid" : "se.seriesInstanceUid";
        case SERIES_NUMBER -> "se.seriesNumber";
        case SOP_CLASS_UID -> "o.sopClassUid";
        case SOP_INSTANCE_UID -> "o.sopInstanceUid";
        default -> null; // matched otherwise (ModalitiesInStudy) or not at all
      };
    }

    private void bind(String condition, Object value) {
      String name = "p" + parameters.size();
      where.append(condition.formatted(name));
      parameters.put(name, value);
    }

    /** DICOM wildcards to a LIKE pattern with escape character '!'. */
    static String likePattern(String value) {
      StringBuilder pattern = new StringBuilder();
      for (char c : value.toCharArray()) {
        switch (c) {
          case '!', '%', '_' -> pattern.append('!').append(c);
          case '*' -> pattern.append('%');
          case '?' -> pattern.append('_');
          default -> pattern.append(c);
        }
      }
      return pattern.toString();
    }
  }
}
