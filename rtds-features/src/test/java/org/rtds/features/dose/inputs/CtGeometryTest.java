package org.rtds.features.dose.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.inputs.CtGeometry.Slice;
import org.rtds.features.dose.inputs.StudyInputException.Kind;

/** The CT grid checks shared by the server and the command line. */
class CtGeometryTest {

  static Slice slice(String uid, double z, String iop, String spacing, int rows) {
    return new Slice(uid, "-10\\-10\\" + z, iop, spacing, rows, 20, "2.5");
  }

  static final String AXIAL = "1\\0\\0\\0\\1\\0";

  @Test
  void consistentSlicesMakeAGrid() throws Exception {
    SamplingGrid grid =
        CtGeometry.samplingGrid(
            List.of(
                slice("a", 5, AXIAL, "1\\1", 20),
                slice("b", 0, AXIAL, "1\\1", 20),
                slice("c", 2.5, AXIAL, "1\\1", 20)));
    assertThat(grid).isNotNull();
  }

  @Test
  void inconsistentOrUnreadableSlicesAreUnsupported() {
    assertThatThrownBy(
            () ->
                CtGeometry.samplingGrid(
                    List.of(slice("a", 0, AXIAL, "1\\1", 20), slice("b", 1, AXIAL, "1\\1", 30))))
        .isInstanceOfSatisfying(
            StudyInputException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
        .hasMessageContaining("CT image b has another size");
    assertThatThrownBy(
            () ->
                CtGeometry.samplingGrid(
                    List.of(
                        slice("a", 0, AXIAL, "1\\1", 20),
                        slice("b", 1, "1\\0\\0\\0\\0.8\\0.6", "1\\1", 20))))
        .hasMessageContaining("another ImageOrientationPatient");
    assertThatThrownBy(
            () ->
                CtGeometry.samplingGrid(
                    List.of(slice("a", 0, AXIAL, "1\\1", 20), slice("b", 1, AXIAL, "1\\1.2", 20))))
        .hasMessageContaining("another PixelSpacing");
    assertThatThrownBy(() -> CtGeometry.samplingGrid(List.of(slice("a", 0, AXIAL, "1", 20))))
        .hasMessageContaining("CT PixelSpacing holds 1 values, 2 expected");
    assertThatThrownBy(() -> CtGeometry.samplingGrid(List.of(slice("a", 0, AXIAL, "1\\abc", 20))))
        .hasMessageContaining("not numeric");
    assertThatThrownBy(() -> CtGeometry.samplingGrid(List.of()))
        .isInstanceOfSatisfying(
            StudyInputException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE));
  }
}
