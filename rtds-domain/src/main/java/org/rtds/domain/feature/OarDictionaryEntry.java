package org.rtds.domain.feature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.rtds.domain.GeneratedIdEntity;

/**
 * An entry of the ROI dictionary ({@code oar_dictionary}): a standard ROI name that OVH, STS and
 * similarity rows refer to, so that ROIs of different patients can be matched. Despite the table
 * name an entry can be an organ at risk or a target (PTV).
 *
 * <p>{@code ROIDisplayColor} is the default display colour as in ROI Display Color (3006,002A):
 * red, green and blue, 0-255 each.
 */
@Entity
@Table(name = "oar_dictionary")
@NamedQuery(
    name = OarDictionaryEntry.FIND_BY_ROI_NAME,
    query = "select e from OarDictionaryEntry e where e.roiName = :roiName")
public class OarDictionaryEntry extends GeneratedIdEntity {

  /**
   * The entries with the given ROI name (parameter {@code roiName}); the name is not unique in the
   * legacy schema.
   */
  /**
   * Role of the standard structure: {@code PTV}, {@code CTV}, {@code GTV}, {@code OAR}, {@code
   * EXTERNAL} or {@code OTHER}.
   */
  @Column(name = "Role", length = 16)
  private String role;

  public static final String FIND_BY_ROI_NAME = "OarDictionaryEntry.findByRoiName";

  /** ROI name as matched across patients, e.g. {@code PTV}, {@code Rectum}, {@code Bladder}. */
  @Column(name = "ROIName", nullable = false, length = 100)
  private String roiName;

  /** Default display colour as in ROI Display Color (3006,002A): red, green, blue, 0-255 each. */
  @Column(name = "ROIDisplayColor", length = 100)
  private String roiDisplayColor;

  public String getRoiName() {
    return roiName;
  }

  public void setRoiName(String roiName) {
    this.roiName = roiName;
  }

  public String getRoiDisplayColor() {
    return roiDisplayColor;
  }

  public void setRoiDisplayColor(String roiDisplayColor) {
    this.roiDisplayColor = roiDisplayColor;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
