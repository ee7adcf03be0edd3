package org.rtds.domain.store;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.auth.AuthUser;

/**
 * An object RTDS refused ({@code rtds_rejection}, an RTDS table), with the reason given to the
 * sender. The bytes stay in the file store ({@link #getFilePath() filePath}): nothing received is
 * lost, and a refused object can be examined or sent again. Times are UTC.
 */
@Entity
@Table(name = "rtds_rejection")
public class ObjectRejection extends GeneratedIdEntity {

  /** SOP Instance UID, when the object was readable far enough to tell. */
  @Column(name = "SOPInstanceUID", length = 64)
  private String sopInstanceUid;

  /** SOP Class UID, when the object was readable far enough to tell. */
  @Column(name = "SOPClassUID", length = 64)
  private String sopClassUid;

  /** SHA-256 of the bytes as received, lower-case hexadecimal. */
  @Column(name = "ContentSHA256", nullable = false, length = 64, columnDefinition = "char(64)")
  private String contentSha256;

  /** Size of the received bytes. */
  @Column(name = "SizeBytes", nullable = false)
  private Long sizeBytes;

  /** Path of the file relative to {@code RTDS_DATA_DIR}. */
  @Column(name = "FilePath", nullable = false, length = 255)
  private String filePath;

  /** Machine-readable reason, e.g. {@code NOT_DICOM}, {@code TRUNCATED}, {@code CONFLICT}. */
  @Column(name = "ReasonCode", nullable = false, length = 32)
  private String reasonCode;

  /** The explanation returned to the sender. */
  @Column(name = "Reason", nullable = false, length = 1000)
  private String reason;

  /** Channel it arrived by (see {@link StoredObject#getChannel()}). */
  @Column(name = "Channel", nullable = false, length = 16)
  private String channel;

  /** Where it came from: calling AE title, client address or file name. */
  @Column(name = "Origin", length = 255)
  private String origin;

  /** When it was refused (UTC). */
  @Column(name = "ReceivedAt", nullable = false)
  private LocalDateTime receivedAt;

  /** The sending account, if known. */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_user_id_id")
  private AuthUser user;

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

  public String getContentSha256() {
    return contentSha256;
  }

  public void setContentSha256(String contentSha256) {
    this.contentSha256 = contentSha256;
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

  public String getReasonCode() {
    return reasonCode;
  }

  public void setReasonCode(String reasonCode) {
    this.reasonCode = reasonCode;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
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

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }
}
