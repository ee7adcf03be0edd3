package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtds.ingest.dicom.DicomObject;
import org.rtds.ingest.dicom.DicomReader;
import org.rtds.ingest.dicom.DicomTag;
import org.rtds.ingest.dicom.TestData;

/**
 * The ROI names and RT ROI Interpreted Types of the committed fixtures' structure sets
 * (rtds-testdata, {@code org/rtds/testdata/fixtures/README.md}), read through the DICOM façade and
 * classified.
 */
class RoiNameFixturesTest {

  private static final RoiNameNormalizer NORMALIZER = RoiNameNormalizer.standard();

  @Test
  void pydicomStructureSet() throws Exception {
    Map<String, RoiClassification> rois = classify(TestData.pydicom("rtstruct.dcm"));

    assertThat(rois).containsOnlyKeys("patient", "Isocenter 1", "Isocenter 2");
    assertThat(rois.get("patient").standardName()).contains("External");
    assertThat(rois.get("patient").role()).isEqualTo(RoiRole.EXTERNAL);
    for (String iso : new String[] {"Isocenter 1", "Isocenter 2"}) {
      assertThat(rois.get(iso).role()).isEqualTo(RoiRole.OTHER);
      assertThat(rois.get(iso).standardName()).isEmpty();
      assertThat(rois.get(iso).originalName()).isEqualTo(iso);
    }
  }

  @Test
  void nelmsLikeStructureSet() throws Exception {
    Map<String, RoiClassification> rois = classify(TestData.nelms("RS.dcm"));

    assertThat(rois).containsOnlyKeys("BODY", "PTV", "Cyl_Par", "Cyl_Perp", "Cone_Par");
    assertThat(rois.get("BODY").standardName()).contains("External");
    assertThat(rois.get("BODY").role()).isEqualTo(RoiRole.EXTERNAL);
    assertThat(rois.get("PTV").standardName()).contains("PTV");
    assertThat(rois.get("PTV").role()).isEqualTo(RoiRole.PTV);
    assertThat(rois.get("PTV").doseGy()).isEmpty();
    for (String phantom : new String[] {"Cyl_Par", "Cyl_Perp", "Cone_Par"}) {
      RoiClassification roi = rois.get(phantom);
      assertThat(roi.standardName()).as(phantom).isEmpty();
      assertThat(roi.role())
          .as(phantom + ": from its interpreted type ORGAN")
          .isEqualTo(RoiRole.OAR);
      assertThat(roi.originalName()).isEqualTo(phantom);
    }
  }

  /** ROI name → classification, with each ROI's interpreted type from its observation. */
  private static Map<String, RoiClassification> classify(Path file) throws Exception {
    DicomObject structureSet = new DicomReader().read(file);
    Map<Integer, String> types = new LinkedHashMap<>();
    for (DicomObject observation : structureSet.sequence(DicomTag.RT_ROI_OBSERVATIONS_SEQUENCE)) {
      types.put(
          observation.requiredInt(DicomTag.REFERENCED_ROI_NUMBER),
          observation.string(DicomTag.RT_ROI_INTERPRETED_TYPE).orElse(null));
    }
    Map<String, RoiClassification> rois = new LinkedHashMap<>();
    for (DicomObject roi : structureSet.sequence(DicomTag.STRUCTURE_SET_ROI_SEQUENCE)) {
      String name = roi.requiredString(DicomTag.ROI_NAME);
      String type = types.get(roi.requiredInt(DicomTag.ROI_NUMBER));
      rois.put(name, NORMALIZER.classify(name, type));
    }
    return rois;
  }
}
