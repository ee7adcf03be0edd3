package org.rtds.security.control;

/**
 * One audit-trail entry before it is stored: the fields of an IHE ATNA / DICOM PS3.15 audit message
 * (event, outcome, active participant, network address, participant object). Built fluently; texts
 * are cut to their column lengths when stored. Never put a password or a patient name in it. Plain
 * Java.
 */
public final class AuditRecord {

  /** DICOM PS3.15 A.5.3 EventIDs RTDS uses. */
  public static final class EventId {
    public static final String USER_AUTHENTICATION = "User Authentication";
    public static final String PATIENT_RECORD = "Patient Record";
    public static final String QUERY = "Query";
    public static final String INSTANCES_TRANSFERRED = "DICOM Instances Transferred";
    public static final String SECURITY_ALERT = "Security Alert";
    public static final String AUDIT_LOG_USED = "Audit Log Used";
    public static final String EXPORT = "Export";

    private EventId() {}
  }

  /** DICOM EventOutcomeIndicator. */
  public static final class Outcome {
    public static final short SUCCESS = 0;
    public static final short MINOR_FAILURE = 4;
    public static final short SERIOUS_FAILURE = 8;
    public static final short MAJOR_FAILURE = 12;

    private Outcome() {}

    /** 2xx success, 4xx minor failure (the caller's mistake or a refusal), else serious. */
    public static short ofHttpStatus(int status) {
      if (status < 400) {
        return SUCCESS;
      }
      return status < 500 ? MINOR_FAILURE : SERIOUS_FAILURE;
    }
  }

  private final String eventId;
  private final String eventType;
  private final String actionCode;
  private final short outcome;
  private Integer userId;
  private String username;
  private String hospital;
  private String sourceAddress;
  private String objectType;
  private String objectId;
  private Integer patientId;
  private String studyInstanceUid;
  private String request;
  private String detail;

  private AuditRecord(String eventId, String eventType, String actionCode, short outcome) {
    this.eventId = eventId;
    this.eventType = eventType;
    this.actionCode = actionCode;
    this.outcome = outcome;
  }

  /**
   * @param eventId an {@link EventId}
   * @param eventType RTDS's finer type, e.g. {@code login}, {@code study-read}
   * @param actionCode C, R, U, D or E
   * @param outcome an {@link Outcome}
   */
  public static AuditRecord of(String eventId, String eventType, char actionCode, short outcome) {
    if ("CRUDE".indexOf(actionCode) < 0) {
      throw new IllegalArgumentException("action code must be one of C, R, U, D, E");
    }
    return new AuditRecord(eventId, eventType, String.valueOf(actionCode), outcome);
  }

  /** The acting account (null id for an unknown account name). */
  public AuditRecord by(Integer userId, String username, String hospital) {
    this.userId = userId;
    this.username = username;
    this.hospital = hospital;
    return this;
  }

  /** The network address the request came from. */
  public AuditRecord from(String sourceAddress) {
    this.sourceAddress = sourceAddress;
    return this;
  }

  /** What was acted on: patient, study, instance, account, group, hospital, token, audit. */
  public AuditRecord on(String objectType, String objectId) {
    this.objectType = objectType;
    this.objectId = objectId;
    return this;
  }

  /** The patient concerned ({@code patients.id}). */
  public AuditRecord patient(Integer patientId) {
    this.patientId = patientId;
    return this;
  }

  /** The study concerned. */
  public AuditRecord study(String studyInstanceUid) {
    this.studyInstanceUid = studyInstanceUid;
    return this;
  }

  /** The request line: method, path and query (no credentials, no body). */
  public AuditRecord request(String request) {
    this.request = request;
    return this;
  }

  /** Why it failed or what changed. */
  public AuditRecord detail(String detail) {
    this.detail = detail;
    return this;
  }

  public String eventId() {
    return eventId;
  }

  public String eventType() {
    return eventType;
  }

  public String actionCode() {
    return actionCode;
  }

  public short outcome() {
    return outcome;
  }

  public Integer userId() {
    return userId;
  }

  public String username() {
    return username;
  }

  public String hospital() {
    return hospital;
  }

  public String sourceAddress() {
    return sourceAddress;
  }

  public String objectType() {
    return objectType;
  }

  public String objectId() {
    return objectId;
  }

  public Integer patientId() {
    return patientId;
  }

  public String studyInstanceUid() {
    return studyInstanceUid;
  }

  public String request() {
    return request;
  }

  public String detail() {
    return detail;
  }
}
