package org.rtds.domain.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One entry of the audit trail ({@code rtds_audit_event}, an RTDS table, V11; append-only): who did
 * what to which patient data or account, when, from where and with what outcome, with the fields of
 * an IHE ATNA / DICOM PS3.15 audit message. Never holds a password or a patient name.
 */
@Entity
@Table(name = "rtds_audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  /** When (UTC). */
  @Column(name = "event_time", nullable = false)
  private LocalDateTime eventTime;

  /**
   * DICOM audit EventID, e.g. {@code Patient Record}, {@code User Authentication}, {@code Query}.
   */
  @Column(name = "event_id", nullable = false, length = 64)
  private String eventId;

  /** RTDS's finer type, e.g. {@code login}, {@code patient-read}, {@code token-created}. */
  @Column(name = "event_type", nullable = false, length = 64)
  private String eventType;

  /** DICOM EventActionCode: C create, R read, U update, D delete, E execute. */
  @Column(name = "action_code", nullable = false, length = 1)
  private String actionCode;

  /** DICOM EventOutcomeIndicator: 0 success, 4 minor, 8 serious, 12 major failure. */
  @Column(name = "outcome", nullable = false)
  private Short outcome;

  /** The acting account ({@code auth_user.id}); null when unknown (a failed login). */
  @Column(name = "user_id", nullable = true)
  private Integer userId;

  /** The account name as given (also for unknown accounts). */
  @Column(name = "username", nullable = true, length = 150)
  private String username;

  /** The acting account's hospital at the time. */
  @Column(name = "hospital", nullable = true, length = 30)
  private String hospital;

  /** Network address the request came from. */
  @Column(name = "source_address", nullable = true, length = 64)
  private String sourceAddress;

  /** What was acted on: patient, study, instance, account, group, hospital, token, audit. */
  @Column(name = "object_type", nullable = true, length = 32)
  private String objectType;

  /** Its identifier (row id, UID or name). */
  @Column(name = "object_id", nullable = true, length = 200)
  private String objectId;

  /** The patient concerned ({@code patients.id}), when one is. */
  @Column(name = "patient_id", nullable = true)
  private Integer patientId;

  /** The study concerned, when one is. */
  @Column(name = "study_instance_uid", nullable = true, length = 200)
  private String studyInstanceUid;

  /** The request: method and path with query (no credentials, no body). */
  @Column(name = "request", nullable = true, length = 500)
  private String request;

  /** Why it failed, or what changed (no passwords, no patient names). */
  @Column(name = "detail", nullable = true, length = 1000)
  private String detail;

  /** The RTDS node that recorded it. */
  @Column(name = "node", nullable = true, length = 64)
  private String node;

  public Long getId() {
    return id;
  }

  public LocalDateTime getEventTime() {
    return eventTime;
  }

  public void setEventTime(LocalDateTime eventTime) {
    this.eventTime = eventTime;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }

  public String getEventType() {
    return eventType;
  }

  public void setEventType(String eventType) {
    this.eventType = eventType;
  }

  public String getActionCode() {
    return actionCode;
  }

  public void setActionCode(String actionCode) {
    this.actionCode = actionCode;
  }

  public Short getOutcome() {
    return outcome;
  }

  public void setOutcome(Short outcome) {
    this.outcome = outcome;
  }

  public Integer getUserId() {
    return userId;
  }

  public void setUserId(Integer userId) {
    this.userId = userId;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getHospital() {
    return hospital;
  }

  public void setHospital(String hospital) {
    this.hospital = hospital;
  }

  public String getSourceAddress() {
    return sourceAddress;
  }

  public void setSourceAddress(String sourceAddress) {
    this.sourceAddress = sourceAddress;
  }

  public String getObjectType() {
    return objectType;
  }

  public void setObjectType(String objectType) {
    this.objectType = objectType;
  }

  public String getObjectId() {
    return objectId;
  }

  public void setObjectId(String objectId) {
    this.objectId = objectId;
  }

  public Integer getPatientId() {
    return patientId;
  }

  public void setPatientId(Integer patientId) {
    this.patientId = patientId;
  }

  public String getStudyInstanceUid() {
    return studyInstanceUid;
  }

  public void setStudyInstanceUid(String studyInstanceUid) {
    this.studyInstanceUid = studyInstanceUid;
  }

  public String getRequest() {
    return request;
  }

  public void setRequest(String request) {
    this.request = request;
  }

  public String getDetail() {
    return detail;
  }

  public void setDetail(String detail) {
    this.detail = detail;
  }

  public String getNode() {
    return node;
  }

  public void setNode(String node) {
    this.node = node;
  }
}
