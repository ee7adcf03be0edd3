package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rtds.domain.rt.DoseImageData;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.Roi;
import org.rtds.ingest.control.ParsedInstance.StructureSet;
import org.rtds.ingest.dicom.DicomObject;
import org.rtds.ingest.dicom.DicomParseException;
import org.rtds.ingest.dicom.DicomReader;
import org.rtds.ingest.dicom.PixelFrames;
import org.rtds.ingest.dicom.TestData;

/**
 * The mapper against the committed DICOM fixtures (nelms-like study, pydicom RT objects): every
 * ROI, contour point, dose value and prescription.
 */
class RtObjectMapperTest {

  private final DicomReader reader = new DicomReader();
  private final RtObjectMapper mapper = new RtObjectMapper();

  private ParsedInstance map(Path file) throws Exception {
    return mapper.map(reader.read(file));
  }

  @Test
  void nelmsCtSlicesCarryTheirGeometry() throws Exception {
    List<Path> slices;
    try (Stream<Path> files = Files.list(TestData.dataDir().resolve("nelms-like"))) {
      slices = files.filter(f -> f.getFileName().toString().startsWith("CT.")).sorted().toList();
    }
    assertThat(slices).hasSize(41);
    for (Path file : slices) {
      CtSlice slice = (CtSlice) map(file);
      assertThat(slice.rows()).isEqualTo(121);
      assertThat(slice.columns()).isEqualTo(121);
      assertThat(slice.imagePositionPatient().split("\\\\")).hasSize(3);
      assertThat(slice.header().frameOfReferenceUid()).isPresent();
      assertThat(slice.header().patient().patientId()).isNotBlank();
    }
  }

  @Test
  void nelmsStructureSetKeepsEveryRoiAndEveryPoint() throws Exception {
    DicomObject object = reader.read(TestData.nelms("RS.dcm"));
    StructureSet set = (StructureSet) mapper.map(object);

    assertThat(set.rois()).extracting(Roi::name).contains("PTV", "Cyl_Par", "Cyl_Perp", "Cone_Par");
    for (Roi roi : set.rois()) {
      assertThat(roi.contours()).as(roi.name()).isNotEmpty();
      roi.contours()
          .forEach(
              c -> {
                assertThat(c.points().size() % 3).isZero();
                assertThat(c.pointCount()).isGreaterThanOrEqualTo(3);
                assertThat(c.referencedSopInstanceUid()).isNotBlank();
              });
    }
    assertThat(set.header().frameOfReferenceUid())
        .isEqualTo(((CtSlice) map(TestData.nelms("CT.0001.dcm"))).header().frameOfReferenceUid());
  }

  @Test
  void nelmsPlanCarriesThePrescription() throws Exception {
    Plan plan = (Plan) map(TestData.nelms("RP.dcm"));
    assertThat(plan.prescriptionGy()).isNotNull().isPositive();
    assertThat(plan.doseReferences()).isNotEmpty();
  }

  @Test
  void nelmsDoseKeepsEveryStoredValueAndPlacesEveryFrame() throws Exception {
    DicomObject object = reader.read(TestData.nelms("RD.dcm"));
    Dose dose = (Dose) mapper.map(object);
    PixelFrames pixels = object.pixelFrames();

    assertThat(dose.frames()).hasSize(pixels.numberOfFrames());
    assertThat(dose.framePositions()).hasSize(pixels.numberOfFrames());
    assertThat(dose.doseUnits()).isEqualTo("GY");
    for (int f = 0; f < pixels.numberOfFrames(); f++) {
      String encoded = DoseImageData.encode(dose.frames().get(f), dose.bitsAllocated());
      assertThat(
              DoseImageData.decode(
                  encoded, dose.rows() * dose.columns(), dose.bitsAllocated(), dose.signed()))
          .isEqualTo(pixels.frame(f));
    }
    // frames ascend in z from the first frame's position
    double first = Double.parseDouble(dose.framePositions().get(0).split("\\\\")[2]);
    double last =
        Double.parseDouble(dose.framePositions().get(dose.frames().size() - 1).split("\\\\")[2]);
    assertThat(last).isNotEqualTo(first);
  }

  @Test
  void pydicomObjectsMap() throws Exception {
    assertThat(map(TestData.pydicom("rtstruct.dcm"))).isInstanceOf(StructureSet.class);
    assertThat(map(TestData.pydicom("rtplan.dcm"))).isInstanceOf(Plan.class);
    assertThat(map(TestData.pydicom("CT_small.dcm"))).isInstanceOf(CtSlice.class);
    for (String name :
        List.of("rtdose.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm", "rtdose_1frame.dcm")) {
      Dose dose = (Dose) map(TestData.pydicom(name));
      assertThat(dose.frames()).as(name).isNotEmpty();
    }
    Dose relative = (Dose) map(TestData.pydicom("rtdose.dcm"));
    assertThat(relative.doseUnits()).isEqualTo("RELATIVE");
    Dose rle = (Dose) map(TestData.pydicom("rtdose_rle.dcm"));
    Dose plain = (Dose) map(TestData.pydicom("rtdose.dcm"));
    assertThat(rle.frames().get(0)).isEqualTo(plain.frames().get(0));
  }

  @Test
  void aTruncatedPlanIsRefusedByTheReader() {
    assertThatThrownBy(() -> map(TestData.pydicom("rtplan_truncated.dcm")))
        .isInstanceOf(DicomParseException.class)
        .hasMessageContaining("rtplan_truncated.dcm");
  }
}
