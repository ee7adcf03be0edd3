package org.rtds.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtds.domain.auth.AuditEvent;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.HospitalScope;
import org.rtds.security.control.LoginThrottle;

/**
 * The audit trail ({@code rtds_audit_event}): appends entries, counts failed logins for {@link
 * LoginThrottle}, and searches for auditors. Entries are only ever inserted.
 */
@ApplicationScoped
public class AuditTrail {

  /** Event type of an interactive or HTTP Basic login attempt. */
  public static final String LOGIN = "login";

  private static final String NODE = nodeName();

  @PersistenceContext(unitName = "rtds")
  EntityManager em;

  /**
   * Appends an entry in a transaction of its own, so it stays even when the request's work rolls
   * back.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void record(AuditRecord r) {
    AuditEvent e = new AuditEvent();
    e.setEventTime(LocalDateTime.now(ZoneOffset.UTC));
    e.setEventId(r.eventId());
    e.setEventType(r.eventType());
    e.setActionCode(r.actionCode());
    e.setOutcome(r.outcome());
    e.setUserId(r.userId());
    String username = r.username();
    String hospital = r.hospital();
    if (r.userId() != null && username == null) {
      // an event that knows only the account id (e.g. a stored DICOM object): name it
      Object[] account =
          em.createQuery(
                  "select u.username, (select p.institution from UserProfile p where p.user = u)"
                      + " from AuthUser u where u.id = :id",
                  Object[].class)
              .setParameter("id", r.userId())
              .getResultStream()
              .findFirst()
              .orElse(new Object[2]);
      username = (String) account[0];
      hospital = HospitalScope.normalise((String) account[1]);
    }
    e.setUsername(cut(username, 150));
    e.setHospital(cut(hospital, 30));
    e.setSourceAddress(cut(r.sourceAddress(), 64));
    e.setObjectType(cut(r.objectType(), 32));
    e.setObjectId(cut(r.objectId(), 200));
    e.setPatientId(r.patientId());
    e.setStudyInstanceUid(cut(r.studyInstanceUid(), 200));
    e.setRequest(cut(r.request(), 500));
    e.setDetail(cut(r.detail(), 1000));
    e.setNode(NODE);
    em.persist(e);
  }

  /**
   * Appends a failed login (counted by the throttle).
   *
   * @param userId the account, when the name is one; null otherwise
   * @param reason why it failed, for auditors (never the password)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void loginFailed(
      Integer userId, String username, String hospital, String sourceAddress, String reason) {
    record(
        authentication(LOGIN, AuditRecord.Outcome.MINOR_FAILURE, sourceAddress)
            .by(userId, username, hospital)
            .on("account", username)
            .detail(reason));
  }

  /**
   * A "User Authentication" entry (sign-in, sign-out, a login or token refused), to complete with
   * who and what.
   *
   * @param eventType {@link #LOGIN}, {@code logout} or {@code token}
   */
  public static AuditRecord authentication(String eventType, short outcome, String sourceAddress) {
    return AuditRecord.of(AuditRecord.EventId.USER_AUTHENTICATION, eventType, 'E', outcome)
        .from(sourceAddress);
  }

  /**
   * @return why a password is not even checked now (too many recent failures), or null
   */
  @Transactional(TxType.SUPPORTS)
  public String loginRefusal(String username, String sourceAddress) {
    LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC).minus(LoginThrottle.WINDOW);
    long pair =
        em.createQuery(
                "select count(e) from AuditEvent e where e.username = :username"
                    + " and e.sourceAddress = :address and e.eventType = :login"
                    + " and e.outcome <> 0 and e.eventTime >= :since",
                Long.class)
            .setParameter("username", username)
            .setParameter("address", sourceAddress)
            .setParameter("login", LOGIN)
            .setParameter("since", since)
            .getSingleResult();
    long address =
        pair >= LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS
            ? 0
            : em.createQuery(
                    "select count(e) from AuditEvent e where e.sourceAddress = :address"
                        + " and e.eventType = :login and e.outcome <> 0 and e.eventTime >= :since",
                    Long.class)
                .setParameter("address", sourceAddress)
                .setParameter("login", LOGIN)
                .setParameter("since", since)
                .getSingleResult();
    return LoginThrottle.refusal(pair, address);
  }

  /**
   * What an auditor asks for; null fields do not filter.
   *
   * @param from earliest event time (UTC), inclusive
   * @param to latest event time (UTC), exclusive
   * @param page 1 for the first
   */
  public record Query(
      LocalDateTime from,
      LocalDateTime to,
      String username,
      Integer patientId,
      String studyInstanceUid,
      String eventType,
      Short outcome,
      String sourceAddress,
      int page,
      int size) {}

  /** A page of entries, newest first. */
  public record Page(List<AuditEvent> items, int page, int size, long total) {}

  /** Searches the trail, newest first. */
  @Transactional(TxType.SUPPORTS)
  public Page search(Query q) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    condition(conditions, parameters, "e.eventTime >= :from", "from", q.from());
    condition(conditions, parameters, "e.eventTime < :to", "to", q.to());
    condition(conditions, parameters, "e.username = :username", "username", q.username());
    condition(conditions, parameters, "e.patientId = :patientId", "patientId", q.patientId());
    condition(conditions, parameters, "e.studyInstanceUid = :study", "study", q.studyInstanceUid());
    condition(conditions, parameters, "e.eventType = :eventType", "eventType", q.eventType());
    condition(conditions, parameters, "e.outcome = :outcome", "outcome", q.outcome());
    condition(conditions, parameters, "e.sourceAddress = :address", "address", q.sourceAddress());
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    TypedQuery<Long> count =
        em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
    TypedQuery<AuditEvent> rows =
        em.createQuery(
            "select e from AuditEvent e" + where + " order by e.id desc", AuditEvent.class);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          rows.setParameter(name, value);
        });
    List<AuditEvent> items =
        rows.setFirstResult((q.page() - 1) * q.size()).setMaxResults(q.size()).getResultList();
    return new Page(items, q.page(), q.size(), count.getSingleResult());
  }

  private static void condition(
      List<String> conditions, Map<String, Object> parameters, String jpql, String name, Object v) {
    if (v != null) {
      conditions.add(jpql);
      parameters.put(name, v);
    }
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  private static String nodeName() {
    String configured = System.getProperty("rtds.node");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
