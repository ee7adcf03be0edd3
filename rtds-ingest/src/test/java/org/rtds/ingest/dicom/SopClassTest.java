package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.SOPClass;
import org.junit.jupiter.api.Test;

class SopClassTest {

  @Test
  void uidsMatchTheLibrary() {
    assertThat(SopClass.CT_IMAGE.uid()).isEqualTo(SOPClass.CTImageStorage);
    assertThat(SopClass.RT_STRUCTURE_SET.uid()).isEqualTo(SOPClass.RTStructureSetStorage);
    assertThat(SopClass.RT_PLAN.uid()).isEqualTo(SOPClass.RTPlanStorage);
    assertThat(SopClass.RT_ION_PLAN.uid()).isEqualTo(SOPClass.RTIonPlanStorage);
    assertThat(SopClass.RT_DOSE.uid()).isEqualTo(SOPClass.RTDoseStorage);
  }

  @Test
  void fromUidFindsTheClassIgnoringPadding() throws Exception {
    assertThat(SopClass.fromUid("1.2.840.10008.5.1.4.1.1.481.8")).isEqualTo(SopClass.RT_ION_PLAN);
    assertThat(SopClass.fromUid("1.2.840.10008.5.1.4.1.1.481.3\0"))
        .isEqualTo(SopClass.RT_STRUCTURE_SET);
    assertThat(SopClass.find("1.2.840.10008.5.1.4.1.1.2.1")).isEmpty();
    assertThat(SopClass.find(null)).isEmpty();
  }

  @Test
  void unsupportedUidIsRefusedWithTheAcceptedList() {
    assertThatThrownBy(() -> SopClass.fromUid("1.2.840.10008.5.1.4.1.1.2.1"))
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.UNSUPPORTED_SOP_CLASS))
        .hasMessage(
            "unsupported SOP class 1.2.840.10008.5.1.4.1.1.2.1; RTDS accepts CT Image"
                + " (1.2.840.10008.5.1.4.1.1.2), RT Structure Set (1.2.840.10008.5.1.4.1.1.481.3),"
                + " RT Plan (1.2.840.10008.5.1.4.1.1.481.5), RT Ion Plan"
                + " (1.2.840.10008.5.1.4.1.1.481.8), RT Dose (1.2.840.10008.5.1.4.1.1.481.2)");
  }

  @Test
  void eachClassNamesTheModalityItsObjectsCarry() {
    assertThat(SopClass.CT_IMAGE.modality()).isEqualTo("CT");
    assertThat(SopClass.RT_STRUCTURE_SET.modality()).isEqualTo("RTSTRUCT");
    assertThat(SopClass.RT_PLAN.modality()).isEqualTo("RTPLAN");
    assertThat(SopClass.RT_ION_PLAN.modality()).isEqualTo("RTPLAN");
    assertThat(SopClass.RT_DOSE.modality()).isEqualTo("RTDOSE");
  }
}
