package org.rtds.features.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.isodose.DoseReference;
import org.rtds.features.dose.isodose.IsoLine;
import org.rtds.features.dose.isodose.IsodoseCalculator;
import org.rtds.features.dose.isodose.IsodoseLevel;
import org.rtds.features.dose.isodose.IsodoseOptions;
import org.rtds.features.dose.isodose.MarchingSquares;
import org.rtds.features.dose.isodose.SliceIsodose;
import org.rtds.features.dose.testing.Phantoms;

/** Spec §8 I isodose and marching squares. */
class IsodoseTest {
  // CT: 1 mm pixels, centres at x = 0.5 … 59.5; dose D = x Gy/mm on a 1 mm grid x = 0 … 60
  private static final SamplingGrid CT = Phantoms.ct(0.5, 0.5, 1, 20, 60, new double[] {0, 1, 2});
  private static final DoseGrid DOSE =
      Phantoms.linearDose(
          new double[] {0, 0, -1},
          1,
          22,
          61,
          new double[] {-1, 0, 1, 2, 3},
          0,
          new double[] {1, 0, 0});

  @Test
  void ninetyPercentOfRxCoversFifteenColumnsAndOfMaxSix() {
    IsodoseOptions rx = new IsodoseOptions(new double[] {90}, OptionalDouble.of(50));
    SliceIsodose s = IsodoseCalculator.compute(CT, 1, DOSE, rx);
    assertThat(s.reference()).isEqualTo(DoseReference.PRESCRIPTION);
    IsodoseLevel l = s.levels().get(0);
    assertThat(l.doseGy()).isEqualTo(45.0);
    assertThat(distinct(l.boundary().columns())).isEqualTo(15);
    // the iso-line is the vertical line x = 45 mm, i.e. column 44.5
    assertThat(l.lines()).hasSize(1);
    IsoLine line = l.lines().get(0);
    assertThat(line.closed()).isFalse();
    for (int i = 0; i < line.pointCount(); i++) {
      assertThat(line.pixelRowCol()[2 * i + 1]).isCloseTo(44.5, within(1e-4));
      assertThat(line.patientXyzMm()[3 * i]).isCloseTo(45.0, within(1e-4));
      assertThat(line.patientXyzMm()[3 * i + 2]).isEqualTo(1.0);
    }

    IsodoseOptions max = new IsodoseOptions(new double[] {90}, OptionalDouble.empty());
    SliceIsodose m = IsodoseCalculator.compute(CT, 1, DOSE, max);
    assertThat(m.reference()).isEqualTo(DoseReference.MAX_DOSE);
    assertThat(m.referenceDoseGy()).isEqualTo(60.0);
    assertThat(distinct(m.levels().get(0).boundary().columns())).isEqualTo(6);
  }

  @Test
  void boundaryEncodingListsTheInnerFourConnectedBoundary() {
    IsodoseOptions rx = new IsodoseOptions(new double[] {90}, OptionalDouble.of(50));
    IsodoseLevel l = IsodoseCalculator.compute(CT, 1, DOSE, rx).levels().get(0);
    // region columns 45…59 on 20 rows: top and bottom rows (15 each) + left/right columns (18 each)
    assertThat(l.boundary().size()).isEqualTo(15 + 15 + 18 + 18);
    assertThat(l.boundary().rowPositions()).startsWith("0,0,0");
    assertThat(l.boundary().columnPositions()).startsWith("45,46,47");
  }

  @Test
  void closedLinesAroundAHotSpotAndSaddlesByCentreAverage() {
    float[] v = new float[7 * 7];
    for (int r = 0; r < 7; r++) {
      for (int c = 0; c < 7; c++) {
        double d2 = (r - 3) * (r - 3) + (c - 3) * (c - 3);
        v[r * 7 + c] = (float) (10 - d2);
      }
    }
    List<MarchingSquares.Polyline> lines = MarchingSquares.trace(v, 7, 7, 5.5);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).closed()).isTrue();

    // saddle: diagonal highs; centre average 5 >= 5 connects them (one line set), < 5 separates
    float[] saddle = {10, 0, 0, 10};
    // centre 5 ≥ 5: the high corners connect, the lines cut off the low corners (top-right first)
    assertThat(MarchingSquares.trace(saddle, 2, 2, 5).get(0).rowCol())
        .containsExactly(0.0, 0.5, 0.5, 1.0);
    // centre 5 < 5.1: the high corners are separated, the lines cut them off (top-left first)
    assertThat(MarchingSquares.trace(saddle, 2, 2, 5.1).get(0).rowCol())
        .containsExactly(new double[] {0.49, 0.0, 0.0, 0.49}, within(1e-9));
    float[] asym = {10, 0, 0, 12};
    List<MarchingSquares.Polyline> connected = MarchingSquares.trace(asym, 2, 2, 5);
    // centre 5.5 ≥ 5: segments cut the two low corners (top-right and bottom-left)
    assertThat(connected.get(0).rowCol()).containsExactly(0.0, 0.5, 5.0 / 12, 1.0);
  }

  @Test
  void sliceOutsideTheDoseGridIsAllZero() {
    SamplingGrid far = Phantoms.ct(0.5, 0.5, 1, 4, 4, new double[] {100, 101});
    float[] values = IsodoseCalculator.sampleSlice(far, 0, DOSE);
    assertThat(values).containsOnly(0f);
    SliceIsodose s = IsodoseCalculator.compute(far, 0, DOSE, IsodoseOptions.ofPrescription(50));
    assertThat(s.levels()).allSatisfy(l -> assertThat(l.lines()).isEmpty());
  }

  private static long distinct(int[] v) {
    return Arrays.stream(v).distinct().count();
  }

  @Test
  void tracingOnlyTheWindowWhereTheDoseIsGivesTheFullTraceLineForLine() {
    int rows = 40;
    int cols = 50;
    float[] values = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double a = Math.exp(-((r - 12.0) * (r - 12.0) + (c - 30.0) * (c - 30.0)) / 30);
        double b = Math.exp(-((r - 20.0) * (r - 20.0) + (c - 38.0) * (c - 38.0)) / 12);
        double v = 10 * a + 8 * b;
        values[r * cols + c] = v < 0.5 ? 0f : (float) v; // zero outside, like a CT slice
      }
    }
    for (double level : new double[] {0.5, 1, 2.5, 5, 7.5, 9, 9.99}) {
      int firstRow = rows;
      int lastRow = -1;
      int firstCol = cols;
      int lastCol = -1;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          if (values[r * cols + c] >= level) {
            firstRow = Math.min(firstRow, r);
            lastRow = r;
            firstCol = Math.min(firstCol, c);
            lastCol = Math.max(lastCol, c);
          }
        }
      }
      List<MarchingSquares.Polyline> full = MarchingSquares.trace(values, rows, cols, level);
      List<MarchingSquares.Polyline> windowed =
          MarchingSquares.trace(values, rows, cols, level, firstRow, lastRow, firstCol, lastCol);
      assertThat(windowed).as("level " + level).hasSameSizeAs(full).isNotEmpty();
      for (int k = 0; k < full.size(); k++) {
        assertThat(windowed.get(k).closed()).isEqualTo(full.get(k).closed());
        assertThat(windowed.get(k).rowCol()).containsExactly(full.get(k).rowCol());
      }
    }
  }

  @Test
  void boundariesOnlyAreTheBoundariesOfTheFullComputationWithoutLines() {
    IsodoseOptions options =
        new IsodoseOptions(new double[] {10, 50, 90, 200}, OptionalDouble.of(50));
    for (int slice = 0; slice < 3; slice++) {
      SliceIsodose full = IsodoseCalculator.compute(CT, slice, DOSE, options);
      SliceIsodose boundaries = IsodoseCalculator.boundaries(CT, slice, DOSE, options);
      assertThat(boundaries.levels()).hasSameSizeAs(full.levels());
      for (int k = 0; k < full.levels().size(); k++) {
        IsodoseLevel a = full.levels().get(k);
        IsodoseLevel b = boundaries.levels().get(k);
        assertThat(b.doseGy()).isEqualTo(a.doseGy());
        assertThat(b.lines()).isEmpty();
        assertThat(b.boundary().rows()).containsExactly(a.boundary().rows());
        assertThat(b.boundary().columns()).containsExactly(a.boundary().columns());
      }
      assertThat(full.levels().get(3).boundary().size()).as("200 % of Rx is nowhere").isZero();
    }
  }
}
