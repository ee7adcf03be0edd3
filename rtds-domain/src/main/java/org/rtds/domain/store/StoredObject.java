package org.rtds.domain.store;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.patient.Study;

/**
 * A DICOM object RTDS stored ({@code rtds_object}, an RTDS table): which object, which bytes
 * (SHA-256 and size), where in the file store, from which channel and account, and when.
 *
 * <p>One row per sending account and SOP Instance UID (unique key): receiving the same object again
 * is recognised as a duplicate, and two nodes storing it at once end with one row. Times are UTC.
 */
@Entity
@Table(name = "rtds_object")
@NamedQuery(
    name = StoredObject.FIND_BY_USER_AND_SOP_INSTANCE,
    query =
        "select o from StoredObject o where o.user.id = :userId"
            + " and o.sopInstanceUid = :sopInstanceUid")
@NamedQuery(
    name = StoredObject.FIND_BY_STUDY,
    query = "select o from StoredObject o where o.study.id = :studyId order by o.id")
public class StoredObject extends GeneratedIdEntity {

  /** SOP Instance UID (0008,0018). */
  @Column(name = "SOPInstanceUID", nullable = false, length = 64)
  private String sopInstanceUid;

  /** SOP Class UID (0008,0016). */
  @Column(name = "SOPClassUID", nullable = false, length = 64)
  private String sopClassUid;

  /** Study Instance UID (0020,000D). */
  @Column(name = "StudyInstanceUID", nullable = false, length = 64)
  private String studyInstanceUid;

  /** Series Instance UID (0020,000E). */
  @Column(name = "SeriesInstanceUID", nullable = false, length = 64)
  private String seriesInstanceUid;

  /** Modality (0008,0060), e.g. {@code CT}, {@code RTSTRUCT}. */
  @Column(name = "Modality", length = 16)
  private String modality;

  /** Transfer Syntax UID (0002,0010) of the stored bytes. */
  @Column(name = "TransferSyntaxUID", length = 64)
  private String transferSyntaxUid;

  /** SHA-256 of the bytes as received, lower-case hexadecimal. */
  @Column(name = "ContentSHA256", nullable = false, length = 64, columnDefinition = "char(64)")
  private String contentSha256;

  /**
   * SHA-256 of the content RTDS read (identity, geometry, contours, dose values), independent of
   * the transfer syntax: equal for the same object in another encoding.
   */
  @Column(name = "ContentFingerprint", nullable = false, length = 64, columnDefinition = "char(64)")
  private String contentFingerprint;

  /** Size of the stored bytes. */
  @Column(name = "SizeBytes", nullable = false)
  private Long sizeBytes;

  /** Path of the file relative to {@code RTDS_DATA_DIR}, with {@code /} separators. */
  @Column(name = "FilePath", nullable = false, length = 255)
  private String filePath;

  /**
   * Channel it arrived by: {@code REST}, {@code STOW_RS}, {@code DIMSE}, {@code DROP_FOLDER},
   * {@code UPLOAD} or {@code IMPORT}.
   */
  @Column(name = "Channel", nullable = false, length = 16)
  private String channel;

  /** Where it came from: calling AE title, client address or file name. */
  @Column(name = "Origin", length = 255)
  private String origin;

  /** When it was stored (UTC). */
  @Column(name = "ReceivedAt", nullable = false)
  private LocalDateTime receivedAt;

  /** The study it belongs to. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_study_id_id", nullable = false)
  private Study study;

  /** The sending account. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_user_id_id", nullable = false)
  private AuthUser user;

  /**
   * The object a sending account stored under a SOP Instance UID ({@code userId}, {@code
   * sopInstanceUid}).
   */
  public static final String FIND_BY_USER_AND_SOP_INSTANCE =
      "StoredObject.findByUserAndSopInstance";

  /** The objects of a study (parameter {@code studyId}). */
  public static final String FIND_BY_STUDY = "StoredObject.findByStudy";

  public String getSopInstanceUid() {
    return sopInstanceUid;
  }

  public void setSopInstanceUid(String sopInstanceUid) {
    this.sopInstanceUid = sopInstanceUid;
  }

  public String getSopClassUid() {
    return sopClassUid;
  }

  public void setSopClassUid(String sopClassUid) {
    this.sopClassUid = sopClassUid;
  }

  public String getStudyInstanceUid() {
    return studyInstanceUid;
  }

  public void setStudyInstanceUid(String studyInstanceUid) {
    this.studyInstanceUid = studyInstanceUid;
  }

  public String getSeriesInstanceUid() {
    return seriesInstanceUid;
  }

  public void setSeriesInstanceUid(String seriesInstanceUid) {
    this.seriesInstanceUid = seriesInstanceUid;
  }

  public String getModality() {
    return modality;
  }

  public void setModality(String modality) {
    this.modality = modality;
  }

  public String getTransferSyntaxUid() {
    return transferSyntaxUid;
  }

  public void setTransferSyntaxUid(String transferSyntaxUid) {
    this.transferSyntaxUid = transferSyntaxUid;
  }

  public String getContentSha256() {
    return contentSha256;
  }

  public void setContentSha256(String contentSha256) {
    this.contentSha256 = contentSha256;
  }

  public String getContentFingerprint() {
    return contentFingerprint;
  }

  public void setContentFingerprint(String contentFingerprint) {
    this.contentFingerprint = contentFingerprint;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  public String getFilePath() {
    return filePath;
  }

  public void setFilePath(String filePath) {
    this.filePath = filePath;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getOrigin() {
    return origin;
  }

  public void setOrigin(String origin) {
    this.origin = origin;
  }

  public LocalDateTime getReceivedAt() {
    return receivedAt;
  }

  public void setReceivedAt(LocalDateTime receivedAt) {
    this.receivedAt = receivedAt;
  }

  public Study getStudy() {
    return study;
  }

  public void setStudy(Study study) {
    this.study = study;
  }

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }
}
