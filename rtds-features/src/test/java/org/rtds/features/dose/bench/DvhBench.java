package org.rtds.features.dose.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtds.features.dose.contour.Contour;
import org.rtds.features.dose.contour.ContourType;
import org.rtds.features.dose.contour.RoiContours;
import org.rtds.features.dose.dvh.DvhCalculator;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.dose.dvh.DvhResult;
import org.rtds.features.dose.geometry.DoseGrid;
import org.rtds.features.dose.geometry.ImageOrientation;
import org.rtds.features.dose.geometry.SamplingGrid;
import org.rtds.features.dose.metric.MetricContext;
import org.rtds.features.dose.metric.MetricEvaluator;
import org.rtds.features.dose.raster.RasterOptions;
import org.rtds.features.dose.raster.RoiMask;
import org.rtds.features.dose.raster.RoiRasterizer;

/**
 * Not a test: a benchmark of a synthetic study — CT 512×512×150 (0.977 mm pixels, 3 mm slices), 25
 * ROIs including a 30×20 cm elliptical body on every slice, a 2.5 mm dose grid — computing all DVHs
 * plus seven metrics per ROI. Run with {@code java -cp target/classes:target/test-classes
 * org.rtds.features.dose.bench.DvhBench [repetitions]} (add {@code -Drtds.bench.sequential=true}
 * for one thread in {@code computeAll}); prints seconds per study.
 */
public final class DvhBench {
  private DvhBench() {}

  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    double px = 500.0 / 512;
    double[] z = new double[150];
    for (int i = 0; i < z.length; i++) {
      z[i] = -223.5 + 3 * i;
    }
    SamplingGrid ct =
        SamplingGrid.of(
            ImageOrientation.HFS,
            new double[] {-250 + px / 2, -250 + px / 2, z[0]},
            px,
            px,
            512,
            512,
            z,
            3);
    List<RoiContours> rois = new ArrayList<>();
    rois.add(new RoiContours(1, "BODY", ellipses(0, 0, 150, 100, z, -1000, 1000, 400)));
    // 24 organs/targets: ellipsoids from ~1 cc to ~1 l
    for (int k = 0; k < 24; k++) {
      double a = 5 + 4.0 * k;
      double cx = -80 + (k % 6) * 32;
      double cy = -40 + (k / 6) * 25;
      double cz = -150 + 12.5 * k;
      rois.add(
          ellipsoid(
              k + 2, "ROI" + (k + 2), cx, cy, cz, Math.min(a, 60), Math.min(a * 0.7, 45), a, z));
    }
    DoseGrid dose = dose();
    List<String> metrics = List.of("Dmean", "Dmax", "D95%", "D2%", "D98%", "V20Gy", "D0.03cc");
    System.out.printf(
        Locale.ROOT,
        "cores %d, CT 512x512x%d, %d ROIs, dose %dx%dx%d at 2.5 mm%n",
        Runtime.getRuntime().availableProcessors(),
        z.length,
        rois.size(),
        dose.rows(),
        dose.columns(),
        dose.frameZ().length);
    DvhOptions options =
        Boolean.parseBoolean(System.getProperty("rtds.bench.sequential", "false"))
            ? new DvhOptions(0.01, DvhOptions.DEFAULT.raster(), false)
            : DvhOptions.DEFAULT;
    System.out.println("parallel: " + options.parallel());
    double[] phase = new double[3];
    double best = Double.MAX_VALUE;
    double sum = 0;
    int warm = 3;
    List<DvhResult> last = null;
    for (int r = 0; r < warm + reps; r++) {
      long t0 = System.nanoTime();
      List<RoiMask> masks =
          rois.parallelStream()
              .map(roi -> RoiRasterizer.rasterize(roi, ct, RasterOptions.DEFAULT))
              .toList();
      long t1 = System.nanoTime();
      last =
          masks.parallelStream()
              .map(m -> DvhCalculator.fromMask(m, ct, dose, DvhOptions.DEFAULT))
              .toList();
      long t2 = System.nanoTime();
      last.parallelStream()
          .forEach(d -> MetricEvaluator.evaluateAll(metrics, MetricContext.of(d.samples())));
      long t3 = System.nanoTime();
      List<DvhResult> all = DvhCalculator.computeAll(rois, ct, dose, options);
      for (DvhResult d : all) {
        MetricEvaluator.evaluateAll(metrics, MetricContext.of(d.samples()));
      }
      long t4 = System.nanoTime();
      double s = (t4 - t3) / 1e9;
      if (r >= warm) {
        phase[0] += (t1 - t0) / 1e9 / reps;
        phase[1] += (t2 - t1) / 1e9 / reps;
        phase[2] += (t3 - t2) / 1e9 / reps;
        best = Math.min(best, s);
        sum += s;
      }
    }
    long samples = 0;
    for (DvhResult d : last) {
      samples += d.samples().sampleCount();
    }
    System.out.printf(
        Locale.ROOT,
        "body %.1f cc, %d samples in total; seconds per study (computeAll + metrics): mean %.3f, best %.3f%n",
        last.get(0).volumeCc(),
        samples,
        sum / reps,
        best);
    System.out.printf(
        Locale.ROOT,
        "phases (mean s): rasterise %.3f, dose sampling + DVH %.3f, 7 metrics per ROI %.3f%n",
        phase[0],
        phase[1],
        phase[2]);
  }

  private static DoseGrid dose() {
    int cols = 128;
    int rows = 88;
    int frames = 180;
    double[] ipp = {-160, -110, -225};
    double[] fz = new double[frames];
    float[] v = new float[frames * rows * cols];
    for (int f = 0; f < frames; f++) {
      fz[f] = ipp[2] + 2.5 * f;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          double x = ipp[0] + 2.5 * c;
          double y = ipp[1] + 2.5 * r;
          double d2 = (x * x + y * y + (fz[f] + 20) * (fz[f] + 20)) / (2 * 60.0 * 60.0);
          v[(f * rows + r) * cols + c] = (float) (70 * Math.exp(-d2) + 0.01 * (c % 7));
        }
      }
    }
    return new DoseGrid(ipp, ImageOrientation.HFS, 2.5, 2.5, rows, cols, fz, v);
  }

  private static List<Contour> ellipses(
      double cx, double cy, double ax, double ay, double[] z, double z0, double z1, int n) {
    List<Contour> out = new ArrayList<>();
    for (double zz : z) {
      if (zz >= z0 && zz <= z1) {
        out.add(ellipse(cx, cy, ax, ay, zz, n));
      }
    }
    return out;
  }

  private static RoiContours ellipsoid(
      int number,
      String name,
      double cx,
      double cy,
      double cz,
      double ax,
      double ay,
      double az,
      double[] z) {
    List<Contour> out = new ArrayList<>();
    for (double zz : z) {
      double t = (zz - cz) / az;
      if (Math.abs(t) < 1) {
        double s = Math.sqrt(1 - t * t);
        out.add(ellipse(cx, cy, ax * s, ay * s, zz, 96));
      }
    }
    return new RoiContours(number, name, out);
  }

  private static Contour ellipse(double cx, double cy, double ax, double ay, double z, int n) {
    double[] p = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double t = 2 * Math.PI * i / n;
      p[3 * i] = cx + ax * Math.cos(t);
      p[3 * i + 1] = cy + ay * Math.sin(t);
      p[3 * i + 2] = z;
    }
    return new Contour(ContourType.CLOSED_PLANAR, p);
  }
}
