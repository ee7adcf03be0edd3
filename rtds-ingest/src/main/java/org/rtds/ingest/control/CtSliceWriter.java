package org.rtds.ingest.control;

import static org.rtds.ingest.control.Columns.truncate;

import jakarta.persistence.EntityManager;
import org.rtds.domain.auth.AuthUser;
import org.rtds.domain.imaging.CtImage;
import org.rtds.domain.patient.Series;
import org.rtds.ingest.control.ParsedInstance.CtSlice;

/** A CT slice as its {@code ct_image} row: geometry and rescale as sent, no pixel values. */
final class CtSliceWriter implements ModalityWriter<CtSlice> {

  private final EntityManager em;

  CtSliceWriter(EntityManager em) {
    this.em = em;
  }

  @Override
  public void write(CtSlice ct, Series series, AuthUser account) {
    CtImage image = new CtImage();
    image.setSopInstanceUid(ct.header().sopInstanceUid());
    image.setSopClassUid(ct.header().sopClass().uid());
    image.setImageType(truncate(ct.imageType(), 100));
    image.setPhotometricInterpretation(truncate(ct.photometricInterpretation(), 20));
    image.setRescaleSlope(ct.rescaleSlope());
    image.setRescaleIntercept(ct.rescaleIntercept());
    image.setSliceLocation(ct.sliceLocationMm());
    image.setPixelSpacing(truncate(ct.pixelSpacing(), 50));
    image.setImageOrientationPatient(ct.imageOrientationPatient());
    image.setImagePositionPatient(truncate(ct.imagePositionPatient(), 100));
    image.setSliceThickness(truncate(ct.sliceThickness(), 100));
    image.setBodyPartExamined(truncate(ct.bodyPartExamined(), 100));
    image.setRows(ct.rows());
    image.setColumns(ct.columns());
    ModalityWriter.scope(image, series, account);
    em.persist(image);
  }
}
