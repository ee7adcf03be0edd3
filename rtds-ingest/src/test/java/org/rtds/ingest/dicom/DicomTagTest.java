package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DicomTagTest {

  @Test
  void everyConstantMatchesTheLibraryDictionary() throws Exception {
    List<DicomTag> constants = constants();
    assertThat(constants).hasSizeGreaterThan(100);

    for (DicomTag tag : constants) {
      AttributeTag byName = AttributeList.getDictionary().getTagFromName(tag.keyword());
      assertThat(byName).as("dictionary entry for keyword %s", tag.keyword()).isNotNull();
      assertThat(new int[] {byName.getGroup(), byName.getElement()})
          .as("tag of %s", tag.keyword())
          .containsExactly(tag.group(), tag.element());
    }
  }

  @Test
  void constantsAreDistinct() throws Exception {
    Set<DicomTag> seen = new HashSet<>();
    for (DicomTag tag : constants()) {
      assertThat(seen.add(tag)).as("duplicate %s", tag).isTrue();
    }
  }

  @Test
  void tagIsIdentifiedByGroupAndElementAndPrintedWithItsKeyword() {
    DicomTag roiName = new DicomTag(0x3006, 0x0026, "ROIName");

    assertThat(roiName).isEqualTo(DicomTag.ROI_NAME).hasSameHashCodeAs(DicomTag.ROI_NAME);
    assertThat(new DicomTag(0x3006, 0x0026, "SomethingElse")).isEqualTo(DicomTag.ROI_NAME);
    assertThat(roiName.value()).isEqualTo(0x30060026);
    assertThat(roiName).hasToString("ROIName (3006,0026)");
    assertThat(DicomTag.PIXEL_DATA).hasToString("PixelData (7FE0,0010)");
  }

  @Test
  void invalidTagsAreRefused() {
    assertThatThrownBy(() -> new DicomTag(0x10000, 0, "X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DicomTag(0, -1, "X")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DicomTag(0x0008, 0x0016, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<DicomTag> constants() throws IllegalAccessException {
    List<DicomTag> tags = new ArrayList<>();
    for (Field field : DicomTag.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == DicomTag.class) {
        tags.add((DicomTag) field.get(null));
      }
    }
    return tags;
  }
}
