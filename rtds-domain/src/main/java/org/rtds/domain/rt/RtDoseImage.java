package org.rtds.domain.rt;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.Length;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;

/**
 * The dose grid of an RT Dose object ({@code rt_dose_image}): geometry and stored pixel values of
 * all frames.
 *
 * <p>Geometry is in mm, DICOM patient coordinates (LPS), as backslash-separated decimal strings.
 * {@link #getImageData() imageData} holds the stored values, to be multiplied by the dose grid
 * scaling of the {@link RtDose}; it can be large and is loaded with the entity, so list views use
 * projections. The legacy schema has no column for Grid Frame Offset Vector (3004,000C), which
 * gives the z of each frame; consumers take it from the DICOM object. Schema version 2 widened
 * {@code ImageOrientationPatient}, {@code ImagePositionPatient} and {@code PixelSpacing} from 20 to
 * 200 characters. The column names {@code rows} and {@code columns} are quoted (reserved words).
 */
@Entity
@Table(name = "rt_dose_image")
public class RtDoseImage extends UserCreatedSeriesScopedEntity {

  /** Columns (0028,0011) of the dose grid. */
  @Column(name = "`columns`")
  private Integer columns;

  /** Rows (0028,0010) of the dose grid. */
  @Column(name = "`rows`")
  private Integer rows;

  /** Image Orientation (Patient) (0020,0037) of the dose grid: 6 direction cosines. */
  @Column(name = "ImageOrientationPatient", length = 200)
  private String imageOrientationPatient;

  /**
   * Image Position (Patient) (0020,0032): centre of the first dose voxel of the first frame, mm.
   */
  @Column(name = "ImagePositionPatient", length = 200)
  private String imagePositionPatient;

  /** Photometric Interpretation (0028,0004), {@code MONOCHROME2}. */
  @Column(name = "PhotometricInterpretation", length = 20)
  private String photometricInterpretation;

  /** Pixel Spacing (0028,0030) of the dose grid in mm: row spacing (y), then column spacing (x). */
  @Column(name = "PixelSpacing", length = 200)
  private String pixelSpacing;

  /** Number of Frames (0028,0008): number of dose planes. */
  @Column(name = "NumberOfFrames")
  private Integer numberOfFrames;

  /**
   * Stored dose pixel values of all frames, frame by frame, row by row (multiply by the dose grid
   * scaling of the RT Dose).
   */
  @Column(name = "ImageData", nullable = false, length = Length.LONG32)
  private String imageData;

  /** The RT Dose object the grid comes from. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_dose_id_id", nullable = false)
  private RtDose dose;

  /** Zero-based index of this row's frame in the dose grid (frames in file order). */
  @Column(name = "FrameNumber")
  private Integer frameNumber;

  /**
   * Bits Allocated (0028,0100) of the stored values in {@link #getImageData() imageData}: 16 or 32.
   */
  @Column(name = "BitsAllocated")
  private Integer bitsAllocated;

  /** Pixel Representation (0028,0103) of the stored values: 0 unsigned, 1 two's complement. */
  @Column(name = "PixelRepresentation")
  private Integer pixelRepresentation;

  public Integer getColumns() {
    return columns;
  }

  public void setColumns(Integer columns) {
    this.columns = columns;
  }

  public Integer getRows() {
    return rows;
  }

  public void setRows(Integer rows) {
    this.rows = rows;
  }

  public String getImageOrientationPatient() {
    return imageOrientationPatient;
  }

  public void setImageOrientationPatient(String imageOrientationPatient) {
    this.imageOrientationPatient = imageOrientationPatient;
  }

  public String getImagePositionPatient() {
    return imagePositionPatient;
  }

  public void setImagePositionPatient(String imagePositionPatient) {
    this.imagePositionPatient = imagePositionPatient;
  }

  public String getPhotometricInterpretation() {
    return photometricInterpretation;
  }

  public void setPhotometricInterpretation(String photometricInterpretation) {
    this.photometricInterpretation = photometricInterpretation;
  }

  public String getPixelSpacing() {
    return pixelSpacing;
  }

  public void setPixelSpacing(String pixelSpacing) {
    this.pixelSpacing = pixelSpacing;
  }

  public Integer getNumberOfFrames() {
    return numberOfFrames;
  }

  public void setNumberOfFrames(Integer numberOfFrames) {
    this.numberOfFrames = numberOfFrames;
  }

  public String getImageData() {
    return imageData;
  }

  public void setImageData(String imageData) {
    this.imageData = imageData;
  }

  public RtDose getDose() {
    return dose;
  }

  public void setDose(RtDose dose) {
    this.dose = dose;
  }

  public Integer getFrameNumber() {
    return frameNumber;
  }

  public void setFrameNumber(Integer frameNumber) {
    this.frameNumber = frameNumber;
  }

  public Integer getBitsAllocated() {
    return bitsAllocated;
  }

  public void setBitsAllocated(Integer bitsAllocated) {
    this.bitsAllocated = bitsAllocated;
  }

  public Integer getPixelRepresentation() {
    return pixelRepresentation;
  }

  public void setPixelRepresentation(Integer pixelRepresentation) {
    this.pixelRepresentation = pixelRepresentation;
  }
}
