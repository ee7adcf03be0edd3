package org.rtds.domain.patient;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.rtds.domain.auth.AuthUser;

/**
 * A DICOM series ({@code series}), identified by its Series Instance UID: all CT slices of one
 * scan, or the RT Structure Set, RT Dose or RT Plan object of a study.
 *
 * <p>{@code SeriesType} is RTDS's classification of the series and normally equals the {@link
 * #getModality() modality} ({@code CT}, {@code RTSTRUCT}, {@code RTDOSE}, {@code RTPLAN}). Schema
 * version 2 widened {@code PhysicianOfRecord} to 200 and {@code Manufacturer} to 64 characters.
 */
@Entity
@Table(name = "series")
@NamedQuery(
    name = Series.FIND_BY_SERIES_UID,
    query = "select s from Series s where s.seriesInstanceUid = :seriesInstanceUid")
public class Series extends StudyScopedEntity {

  /** The series with the given Series Instance UID (parameter {@code seriesInstanceUid}). */
  /** Frame of Reference UID (0020,0052) shared by the series' objects; {@code null} if not sent. */
  @Column(name = "FrameOfReferenceUID", length = 64)
  private String frameOfReferenceUid;

  public static final String FIND_BY_SERIES_UID = "Series.findBySeriesUid";

  /** Series Instance UID (0020,000E); shared by every object of the series. */
  @Column(name = "SeriesInstanceUID", nullable = false, length = 200)
  private String seriesInstanceUid;

  /** Series Date (0008,0021). */
  @Column(name = "SeriesDate")
  private LocalDate seriesDate;

  /** Series Description (0008,103E), e.g. "Oncentra Structure Set". */
  @Column(name = "SeriesDescription", length = 200)
  private String seriesDescription;

  /** Kind of series as RTDS classifies it, normally equal to the modality. */
  @Column(name = "SeriesType", length = 100)
  private String seriesType;

  /** Modality (0008,0060): {@code CT}, {@code RTSTRUCT}, {@code RTDOSE}, {@code RTPLAN}. */
  @Column(name = "Modality", length = 100)
  private String modality;

  /** Series Number (0020,0011), as found in the file. */
  @Column(name = "SeriesNumber", length = 100)
  private String seriesNumber;

  /** Physician(s) of Record (0008,1048), DICOM PN, several values separated by a backslash. */
  @Column(name = "PhysicianOfRecord", length = 200)
  private String physicianOfRecord;

  /** Manufacturer (0008,0070) of the equipment that produced the series. */
  @Column(name = "Manufacturer", length = 64)
  private String manufacturer;

  /** Account that created the record (optional). */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_user_id_id")
  private AuthUser user;

  public String getSeriesInstanceUid() {
    return seriesInstanceUid;
  }

  public void setSeriesInstanceUid(String seriesInstanceUid) {
    this.seriesInstanceUid = seriesInstanceUid;
  }

  public LocalDate getSeriesDate() {
    return seriesDate;
  }

  public void setSeriesDate(LocalDate seriesDate) {
    this.seriesDate = seriesDate;
  }

  public String getSeriesDescription() {
    return seriesDescription;
  }

  public void setSeriesDescription(String seriesDescription) {
    this.seriesDescription = seriesDescription;
  }

  public String getSeriesType() {
    return seriesType;
  }

  public void setSeriesType(String seriesType) {
    this.seriesType = seriesType;
  }

  public String getModality() {
    return modality;
  }

  public void setModality(String modality) {
    this.modality = modality;
  }

  public String getSeriesNumber() {
    return seriesNumber;
  }

  public void setSeriesNumber(String seriesNumber) {
    this.seriesNumber = seriesNumber;
  }

  public String getPhysicianOfRecord() {
    return physicianOfRecord;
  }

  public void setPhysicianOfRecord(String physicianOfRecord) {
    this.physicianOfRecord = physicianOfRecord;
  }

  public String getManufacturer() {
    return manufacturer;
  }

  public void setManufacturer(String manufacturer) {
    this.manufacturer = manufacturer;
  }

  public AuthUser getUser() {
    return user;
  }

  public void setUser(AuthUser user) {
    this.user = user;
  }

  public String getFrameOfReferenceUid() {
    return frameOfReferenceUid;
  }

  public void setFrameOfReferenceUid(String frameOfReferenceUid) {
    this.frameOfReferenceUid = frameOfReferenceUid;
  }
}
