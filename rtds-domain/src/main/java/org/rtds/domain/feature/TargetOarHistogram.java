package org.rtds.domain.feature;

import static jakarta.persistence.FetchType.LAZY;

import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.rtds.domain.GeneratedIdEntity;
import org.rtds.domain.patient.Study;
import org.rtds.domain.rt.RtRoi;

/**
 * Base of the histograms computed for one target and one organ at risk of one study: {@link Ovh}
 * and {@link Sts}. Maps the keys the two tables share, all {@code NOT NULL}: {@code ptv_id} and
 * {@code OAR_id}, both referring to {@link OarDictionaryEntry} rows, and {@code fk_study_id_id};
 * and, nullable, the exact ROIs of the pair (RTDS, V6).
 */
@MappedSuperclass
public abstract class TargetOarHistogram extends GeneratedIdEntity {

  /**
   * The target (PTV) of the pair: for an OVH the structure whose surface the distances are measured
   * from, for an STS the structure whose voxels are histogrammed.
   */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "ptv_id", nullable = false)
  private OarDictionaryEntry ptv;

  /**
   * The organ at risk of the pair: for an OVH the structure whose volume is histogrammed, for an
   * STS the structure whose centroid is the origin.
   */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "OAR_id", nullable = false)
  private OarDictionaryEntry oar;

  /** The study the histogram was computed for. */
  @ManyToOne(fetch = LAZY, optional = false)
  @JoinColumn(name = "fk_study_id_id", nullable = false)
  private Study study;

  /**
   * The target ROI the pair was computed from (RTDS, V6); {@code null} for the union of the study's
   * PTVs ({@code ptv} = PTV_All) and for legacy rows.
   */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_ptv_roi_id")
  private RtRoi ptvRoi;

  /** The organ-at-risk ROI the pair was computed from (RTDS, V6); {@code null} in legacy rows. */
  @ManyToOne(fetch = LAZY)
  @JoinColumn(name = "fk_oar_roi_id")
  private RtRoi oarRoi;

  public RtRoi getPtvRoi() {
    return ptvRoi;
  }

  public void setPtvRoi(RtRoi ptvRoi) {
    this.ptvRoi = ptvRoi;
  }

  public RtRoi getOarRoi() {
    return oarRoi;
  }

  public void setOarRoi(RtRoi oarRoi) {
    this.oarRoi = oarRoi;
  }

  public OarDictionaryEntry getPtv() {
    return ptv;
  }

  public void setPtv(OarDictionaryEntry ptv) {
    this.ptv = ptv;
  }

  public OarDictionaryEntry getOar() {
    return oar;
  }

  public void setOar(OarDictionaryEntry oar) {
    this.oar = oar;
  }

  public Study getStudy() {
    return study;
  }

  public void setStudy(Study study) {
    this.study = study;
  }
}
