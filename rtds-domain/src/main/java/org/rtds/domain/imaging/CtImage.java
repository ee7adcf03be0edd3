package org.rtds.domain.imaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.rtds.domain.patient.UserCreatedSeriesScopedEntity;

/**
 * One CT slice ({@code ct_images}): the image-plane geometry needed to place contours and dose on
 * the CT grid. Pixel data is not stored in the database.
 *
 * <p>Units and frame: DICOM patient coordinates (LPS) in mm. Multi-valued attributes are stored as
 * the DICOM decimal strings separated by a backslash, e.g. {@code 0.9765625\0.9765625} (legacy rows
 * may hold other renderings, e.g. a Python list; readers accept both). Hounsfield units = stored
 * pixel value &times; {@link #getRescaleSlope() rescale slope} + {@link #getRescaleIntercept()
 * rescale intercept}.
 *
 * <p>Schema version 2 widened {@code RescaleSlope}, {@code RescaleIntercept} and {@code
 * SliceLocation} from {@code int(11)} to {@code double} (they are decimal values in DICOM) and
 * {@code ImageOrientationPatient} to 200 characters. The column {@code BodypartExamined} keeps its
 * legacy capitalisation. {@code Rows} is a reserved word in MariaDB and MySQL 8, so the column
 * names {@code Rows} and {@code Columns} are quoted.
 */
@Entity
@Table(name = "ct_images")
@NamedQuery(
    name = CtImage.FIND_BY_SOP_INSTANCE_UID,
    query = "select c from CtImage c where c.sopInstanceUid = :sopInstanceUid")
public class CtImage extends UserCreatedSeriesScopedEntity {

  /** The CT slice with the given SOP Instance UID (parameter {@code sopInstanceUid}). */
  public static final String FIND_BY_SOP_INSTANCE_UID = "CtImage.findBySopInstanceUid";

  /** SOP Instance UID (0008,0018) of the CT slice. */
  @Column(name = "SOPInstanceUID", nullable = false, length = 200)
  private String sopInstanceUid;

  /** SOP Class UID (0008,0016), normally CT Image Storage {@code 1.2.840.10008.5.1.4.1.1.2}. */
  @Column(name = "SOPClassUID", nullable = false, length = 100)
  private String sopClassUid;

  /** Image Type (0008,0008), e.g. {@code ORIGINAL\PRIMARY\AXIAL}. */
  @Column(name = "ImageType", length = 100)
  private String imageType;

  /** Photometric Interpretation (0028,0004), {@code MONOCHROME2} for CT. */
  @Column(name = "PhotometricInterpretation", length = 20)
  private String photometricInterpretation;

  /** Rescale Slope (0028,1053): HU = stored value &times; slope + intercept. */
  @Column(name = "RescaleSlope")
  private Double rescaleSlope;

  /** Rescale Intercept (0028,1052) in HU, typically -1024. */
  @Column(name = "RescaleIntercept")
  private Double rescaleIntercept;

  /** Slice Location (0020,1041) in mm. */
  @Column(name = "SliceLocation")
  private Double sliceLocation;

  /** Pixel Spacing (0028,0030) in mm: row spacing (y), then column spacing (x). */
  @Column(name = "PixelSpacing", length = 50)
  private String pixelSpacing;

  /** Image Orientation (Patient) (0020,0037): row and column direction cosines (6 values). */
  @Column(name = "ImageOrientationPatient", length = 200)
  private String imageOrientationPatient;

  /** Image Position (Patient) (0020,0032): centre of the first pixel in mm (x, y, z). */
  @Column(name = "ImagePositionPatient", length = 100)
  private String imagePositionPatient;

  /** Slice Thickness (0018,0050) in mm, as found in the file. */
  @Column(name = "SliceThickness", length = 100)
  private String sliceThickness;

  /** Body Part Examined (0018,0015), e.g. {@code PROSTATE}. */
  @Column(name = "BodypartExamined", length = 100)
  private String bodyPartExamined;

  /** Rows (0028,0010): number of pixel rows. */
  @Column(name = "`Rows`")
  private Integer rows;

  /** Columns (0028,0011): number of pixel columns. */
  @Column(name = "`Columns`")
  private Integer columns;

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

  public String getImageType() {
    return imageType;
  }

  public void setImageType(String imageType) {
    this.imageType = imageType;
  }

  public String getPhotometricInterpretation() {
    return photometricInterpretation;
  }

  public void setPhotometricInterpretation(String photometricInterpretation) {
    this.photometricInterpretation = photometricInterpretation;
  }

  public Double getRescaleSlope() {
    return rescaleSlope;
  }

  public void setRescaleSlope(Double rescaleSlope) {
    this.rescaleSlope = rescaleSlope;
  }

  public Double getRescaleIntercept() {
    return rescaleIntercept;
  }

  public void setRescaleIntercept(Double rescaleIntercept) {
    this.rescaleIntercept = rescaleIntercept;
  }

  public Double getSliceLocation() {
    return sliceLocation;
  }

  public void setSliceLocation(Double sliceLocation) {
    this.sliceLocation = sliceLocation;
  }

  public String getPixelSpacing() {
    return pixelSpacing;
  }

  public void setPixelSpacing(String pixelSpacing) {
    this.pixelSpacing = pixelSpacing;
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

  public String getSliceThickness() {
    return sliceThickness;
  }

  public void setSliceThickness(String sliceThickness) {
    this.sliceThickness = sliceThickness;
  }

  public String getBodyPartExamined() {
    return bodyPartExamined;
  }

  public void setBodyPartExamined(String bodyPartExamined) {
    this.bodyPartExamined = bodyPartExamined;
  }

  public Integer getRows() {
    return rows;
  }

  public void setRows(Integer rows) {
    this.rows = rows;
  }

  public Integer getColumns() {
    return columns;
  }

  public void setColumns(Integer columns) {
    this.columns = columns;
  }
}
