package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomObjectTest {

  private final DicomReader reader = new DicomReader();

  @TempDir Path temp;

  @Test
  void absentAndEmptyValuesReadAsNoValue() throws Exception {
    DicomObject structureSet = reader.read(TestData.pydicom("rtstruct.dcm"));

    // StudyDate is present with an empty value, DoseGridScaling is absent.
    assertThat(structureSet.contains(DicomTag.STUDY_DATE)).isTrue();
    assertThat(structureSet.string(DicomTag.STUDY_DATE)).isEmpty();
    assertThat(structureSet.strings(DicomTag.STUDY_DATE)).isEmpty();
    assertThat(structureSet.contains(DicomTag.DOSE_GRID_SCALING)).isFalse();
    assertThat(structureSet.doubles(DicomTag.DOSE_GRID_SCALING)).isEmpty();
    assertThat(structureSet.ints(DicomTag.ROWS)).isEmpty();
    assertThat(structureSet.optionalDouble(DicomTag.DOSE_GRID_SCALING)).isEmpty();
    assertThat(structureSet.optionalInt(DicomTag.ROWS)).isEmpty();
    assertThat(structureSet.sequence(DicomTag.DVH_SEQUENCE)).isEmpty();
  }

  @Test
  void uidPaddingAndSpacesAreTrimmed() throws Exception {
    DicomObject structureSet = reader.read(TestData.pydicom("rtstruct.dcm"));

    // stored as "1.2.826.0.1.3680043.8.498.2010020400001.1\0" and "tPhantom30sep "
    assertThat(structureSet.string(DicomTag.STUDY_INSTANCE_UID))
        .contains("1.2.826.0.1.3680043.8.498.2010020400001.1");
    assertThat(structureSet.string(DicomTag.PATIENT_ID)).contains("tPhantom30sep");
  }

  @Test
  void multipleValuesAreJoinedOrSplit() throws Exception {
    DicomObject ct = reader.read(TestData.pydicom("CT_small.dcm"));

    assertThat(ct.strings(DicomTag.IMAGE_TYPE)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
    assertThat(ct.string(DicomTag.IMAGE_TYPE)).contains("ORIGINAL\\PRIMARY\\AXIAL");
    assertThat(ct.doubles(DicomTag.PIXEL_SPACING)).containsExactly(0.661468, 0.661468);
    assertThat(ct.requiredDouble(DicomTag.RESCALE_INTERCEPT)).isEqualTo(-1024.0);
    assertThat(ct.requiredInt(DicomTag.ROWS)).isEqualTo(128);
  }

  @Test
  void requiredValueThatIsMissingIsNamedWithItsPlace() throws Exception {
    DicomObject structureSet = reader.read(TestData.pydicom("rtstruct.dcm"));
    DicomObject roi = structureSet.sequence(DicomTag.STRUCTURE_SET_ROI_SEQUENCE).get(1);

    assertThatThrownBy(() -> roi.requiredString(DicomTag.ROI_DISPLAY_COLOR))
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.MISSING_ATTRIBUTE))
        .hasMessage(
            "missing or empty required attribute ROIDisplayColor (3006,002A) in RT Structure Set"
                + " 1.2.826.0.1.3680043.8.498.2010020400001, StructureSetROISequence item 2");
    assertThatThrownBy(() -> structureSet.requiredSequence(DicomTag.DVH_SEQUENCE))
        .hasMessageContaining("DVHSequence (3004,0050) in RT Structure Set");
    assertThatThrownBy(() -> structureSet.requiredDouble(DicomTag.DOSE_GRID_SCALING))
        .hasMessageContaining("DoseGridScaling (3004,000E)");
  }

  @Test
  void valueThatIsNotANumberIsAnInvalidValue() throws Exception {
    Path file =
        TestFiles.patch(
            TestData.pydicom("rtdose.dcm"),
            temp.resolve("bad-scaling.dcm"),
            "1.0000000e-6",
            "one micro Gy");
    DicomObject dose = reader.read(file);

    assertThatThrownBy(() -> dose.doubles(DicomTag.DOSE_GRID_SCALING))
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.INVALID_VALUE))
        .hasMessageContaining(
            "DoseGridScaling (3004,000E) with VR DS is not a list of decimal numbers")
        .hasMessageContaining("one micro Gy");
  }

  @Test
  void singleValueAccessorRejectsSeveralValues() throws Exception {
    DicomObject dose = reader.read(TestData.pydicom("rtdose.dcm"));

    assertThatThrownBy(() -> dose.optionalDouble(DicomTag.PIXEL_SPACING))
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.INVALID_VALUE))
        .hasMessageContaining("PixelSpacing (0028,0030) has 2 values where one was expected");
  }

  @Test
  void sequenceAccessorRejectsOtherAttributesAndViceVersa() throws Exception {
    DicomObject plan = reader.read(TestData.pydicom("rtplan.dcm"));

    assertThatThrownBy(() -> plan.sequence(DicomTag.RT_PLAN_LABEL))
        .isInstanceOf(DicomParseException.class)
        .hasMessageContaining("RTPlanLabel (300A,0002) with VR SH is not a sequence");
    assertThatThrownBy(() -> plan.doubles(DicomTag.FRACTION_GROUP_SEQUENCE))
        .isInstanceOf(DicomParseException.class)
        .hasMessageContaining("is a sequence, not a number");
    assertThat(plan.string(DicomTag.FRACTION_GROUP_SEQUENCE)).isEmpty();
  }

  @Test
  void itemsHaveNoIdentityOfTheirOwn() throws Exception {
    DicomObject plan = reader.read(TestData.pydicom("rtplan.dcm"));
    DicomObject item = plan.sequence(DicomTag.DOSE_REFERENCE_SEQUENCE).get(0);

    assertThat(item.isItem()).isTrue();
    assertThat(item.sopClass()).isEqualTo(SopClass.RT_PLAN);
    assertThat(item.toString())
        .isEqualTo(
            "RT Plan 1.2.777.777.77.7.7777.7777.20030903150023, DoseReferenceSequence item 1");
    assertThatThrownBy(item::sopInstanceUid)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DoseReferenceSequence item 1 is a sequence item");
    assertThatThrownBy(item::sopClassUid).isInstanceOf(IllegalStateException.class);
  }
}
