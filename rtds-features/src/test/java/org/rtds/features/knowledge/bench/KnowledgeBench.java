package org.rtds.features.knowledge.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rtds.features.knowledge.StudyGeometryFeatures;
import org.rtds.features.knowledge.StudyGeometryFeatures.MapScope;
import org.rtds.features.knowledge.StudyGeometryFeatures.Options;
import org.rtds.features.knowledge.StudyGeometryFeatures.PairFeatures;
import org.rtds.features.knowledge.StudyGeometryFeatures.Structure;
import org.rtds.features.knowledge.ovh.OvhOptions;
import org.rtds.features.knowledge.sts.StsCalculator;
import org.rtds.features.knowledge.voxel.VoxelLattice;
import org.rtds.features.knowledge.voxel.VoxelMask;

/**
 * Not a test: a benchmark of OVH + STS for every (PTV, OAR) pair of a clinical-size synthetic study
 * — CT 512×512×160 at 0.98×0.98×2.5 mm, 3 nested PTVs (~100, ~200, ~400 cc), 22 OARs from ~1 cc to
 * a ~10⁶-voxel organ — with the exact EDT (one map per PTV, and one map per pair), against a
 * brute-force baseline (each OAR voxel against every PTV boundary voxel). The baseline is timed on
 * a random sample of OAR voxels per pair and extrapolated to all voxels; its distances are also
 * compared with the EDT's. Run with {@code java -cp target/classes:target/test-classes
 * org.rtds.features.knowledge.bench.KnowledgeBench [repetitions] [sample per pair]}.
 */
public final class KnowledgeBench {
  private KnowledgeBench() {}

  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int sample = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    double px = 500.0 / 512;
    double[] z = new double[160];
    for (int i = 0; i < z.length; i++) {
      z[i] = -200 + 2.5 * i;
    }
    VoxelLattice l = VoxelLattice.hfs(512, 512, px, px, -250 + px / 2, -250 + px / 2, z, 2.5);
    long t0 = System.nanoTime();
    List<Structure> ptvs = new ArrayList<>();
    ptvs.add(new Structure(1, "PTV70", ellipsoid(l, 10, 20, 0, 24, 30, 33)));
    ptvs.add(new Structure(2, "PTV63", ellipsoid(l, 10, 20, 0, 32, 38, 40)));
    ptvs.add(new Structure(3, "PTV56", ellipsoid(l, 10, 20, 0, 40, 48, 50)));
    List<Structure> oars = new ArrayList<>();
    Random rnd = new Random(42);
    for (int k = 0; k < 21; k++) {
      double a = 4 + 1.6 * k;
      double ang = 2 * Math.PI * k / 21;
      double dist = 40 + 3 * k;
      oars.add(
          new Structure(
              10 + k,
              "OAR" + k,
              ellipsoid(
                  l,
                  10 + dist * Math.cos(ang),
                  20 + dist * Math.sin(ang) * 0.8,
                  -120 + 12 * k + rnd.nextDouble(),
                  a,
                  a * 0.8,
                  a * 1.3)));
    }
    // a ~10⁶-voxel organ (≈ 2.4 l) low in the volume
    oars.add(new Structure(99, "HUGE", ellipsoid(l, 0, 40, -150, 110, 80, 45)));
    double build = (System.nanoTime() - t0) / 1e9;
    long oarVoxels = 0;
    System.out.printf(
        Locale.ROOT,
        "cores %d, CT 512x512x%d at %.3fx%.3fx2.5 mm; masks built in %.2f s%n",
        Runtime.getRuntime().availableProcessors(),
        z.length,
        px,
        px,
        build);
    for (Structure s : ptvs) {
      System.out.printf(
          Locale.ROOT,
          "  %-6s %8.1f cc %9d voxels%n",
          s.name(),
          s.mask().volumeMm3(l) / 1000,
          s.mask().voxelCount());
    }
    long smallest = Long.MAX_VALUE;
    long largest = 0;
    for (Structure s : oars) {
      oarVoxels += s.mask().voxelCount();
      smallest = Math.min(smallest, s.mask().voxelCount());
      largest = Math.max(largest, s.mask().voxelCount());
    }
    System.out.printf(
        Locale.ROOT,
        "  %d OARs, %d voxels in all (smallest %d, largest %d = %.0f cc)%n",
        oars.size(),
        oarVoxels,
        smallest,
        largest,
        largest * l.voxelVolumeMm3(0) / 1000);

    String[] names = {
      "EDT, map per PTV, parallel", "EDT, map per PTV, 1 thread", "EDT, map per pair, parallel"
    };
    Options[] opts = {
      new Options(OvhOptions.DEFAULT, MapScope.PER_TARGET, true),
      new Options(OvhOptions.DEFAULT, MapScope.PER_TARGET, false),
      new Options(OvhOptions.DEFAULT, MapScope.PER_PAIR, true)
    };
    double[] median = new double[opts.length];
    double[] cpuMedian = new double[opts.length];
    List<PairFeatures> result = null;
    double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    for (int o = 0; o < opts.length; o++) {
      double[] times = new double[reps];
      double[] cpu = new double[reps];
      for (int r = 0; r < 2 + reps; r++) {
        long a = System.nanoTime();
        long ac = cpuNanos();
        long c = cpuNanos();
        result = StudyGeometryFeatures.compute(l, ptvs, oars, opts[o]);
        double s = (System.nanoTime() - a) / 1e9;
        if (r >= 2) {
          times[r - 2] = s;
          cpu[r - 2] = (cpuNanos() - c) / 1e9;
        }
      }
      Arrays.sort(times);
      Arrays.sort(cpu);
      median[o] = times[reps / 2];
      cpuMedian[o] = cpu[reps / 2];
    }
    // STS alone (1 thread) to show its share
    long a = System.nanoTime();
    long ac = cpuNanos();
    for (Structure p : ptvs) {
      for (Structure q : oars) {
        StsCalculator.compute(l, p.mask(), StsCalculator.centroidMm(l, q.mask()));
      }
    }
    double stsOnly = (System.nanoTime() - a) / 1e9;
    double stsCpu = (cpuNanos() - ac) / 1e9;

    // brute force on a sample of OAR voxels per pair
    double bruteSampled = 0;
    long sampled = 0;
    long pairVoxels = 0;
    double maxDiff = 0;
    for (int pi = 0; pi < ptvs.size(); pi++) {
      float[] surf = boundary(l, ptvs.get(pi).mask());
      for (int oi = 0; oi < oars.size(); oi++) {
        VoxelMask m = oars.get(oi).mask();
        int[][] vox = sampleVoxels(m, sample, rnd);
        PairFeatures pf = result.get(pi * oars.size() + oi);
        long b = cpuNanos();
        double[] d = new double[vox.length];
        for (int i = 0; i < vox.length; i++) {
          d[i] = bruteDistance(l, surf, vox[i]);
        }
        bruteSampled += (cpuNanos() - b) / 1e9;
        sampled += vox.length;
        pairVoxels += m.voxelCount();
        // compare with the EDT: min of the brute-force sample ≥ EDT minimum (unsigned check)
        for (int i = 0; i < vox.length; i++) {
          boolean inPtv = ptvs.get(pi).mask().contains(vox[i][0], vox[i][1], vox[i][2]);
          double signed = inPtv ? -d[i] : d[i];
          maxDiff = Math.max(maxDiff, Math.max(0, pf.ovh().statistics().minMm() - signed - 1e-4));
        }
      }
    }
    double bruteExtrapolated = bruteSampled / sampled * pairVoxels;
    System.out.printf(
        Locale.ROOT,
        "%d PTV x %d OAR pairs; median of %d runs (after 2 warm-ups)%n",
        ptvs.size(),
        oars.size(),
        reps);
    System.out.printf(
        Locale.ROOT,
        "load average %.1f before, %.1f after (2 shared cores: wall time grows with the load, CPU"
            + " time much less)%n",
        load0,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("| method | wall s per study | CPU s per study | CPU vs map per PTV |");
    System.out.println("|---|---|---|---|");
    for (int o = 0; o < opts.length; o++) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.2fx |%n",
          names[o],
          median[o],
          cpuMedian[o],
          cpuMedian[o] / cpuMedian[0]);
    }
    System.out.printf(
        Locale.ROOT, "| STS alone, 1 thread (included above) | %.3f | %.3f | |%n", stsOnly, stsCpu);
    System.out.printf(
        Locale.ROOT,
        "| brute force, OVH distances only, 1 thread (%d sampled voxels; CPU time extrapolated to"
            + " %d voxels) | | %.1f | %.0fx |%n",
        sampled,
        pairVoxels,
        bruteExtrapolated,
        bruteExtrapolated / cpuMedian[0]);
    System.out.printf(
        Locale.ROOT,
        "sampled brute-force distances below the EDT minimum by more than 1e-4 mm: %.2g mm%n",
        maxDiff);
    checkAgainstBrute(l, ptvs.get(0).mask(), oars.get(5).mask(), rnd);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Full per-voxel check for one pair: EDT distances vs brute force on 2000 voxels. */
  private static void checkAgainstBrute(VoxelLattice l, VoxelMask ptv, VoxelMask oar, Random rnd) {
    var ws = new org.rtds.features.knowledge.distance.DistanceMapWorkspace();
    var map =
        org.rtds.features.knowledge.distance.SignedDistanceTransform.compute(
            l, ptv, ptv.box().union(oar.box()), List.of(oar), ws);
    float[] surf = boundary(l, ptv);
    double worst = 0;
    int[][] vox = sampleVoxels(oar, 2000, rnd);
    for (int[] v : vox) {
      double b = bruteDistance(l, surf, v);
      double e = Math.abs(map.signedDistanceMm(v[0], v[1], v[2]));
      worst = Math.max(worst, Math.abs(b - e));
    }
    System.out.printf(
        Locale.ROOT,
        "EDT vs brute force on %d voxels of one pair: max |difference| %.2g mm%n",
        vox.length,
        worst);
  }

  private static double bruteDistance(VoxelLattice l, float[] surf, int[] v) {
    float x = (float) l.x(v[0], v[1], v[2]);
    float y = (float) l.y(v[0], v[1], v[2]);
    float zz = (float) l.zMm(v[0]);
    float best = Float.POSITIVE_INFINITY;
    for (int i = 0; i < surf.length; i += 3) {
      float dx = surf[i] - x;
      float dy = surf[i + 1] - y;
      float dz = surf[i + 2] - zz;
      float d = dx * dx + dy * dy + dz * dz;
      if (d < best) {
        best = d;
      }
    }
    return Math.sqrt(best);
  }

  private static float[] boundary(VoxelLattice l, VoxelMask m) {
    List<float[]> pts = new ArrayList<>();
    var b = m.box();
    for (int k = b.rankLo(); k < b.rankHi(); k++) {
      int[] r = m.runs(k);
      for (int i = 0; i < r.length; i += 3) {
        for (int c = r[i + 1]; c < r[i + 2]; c++) {
          int row = r[i];
          boolean edge =
              !m.contains(k, row, c - 1)
                  || !m.contains(k, row, c + 1)
                  || !m.contains(k, row - 1, c)
                  || !m.contains(k, row + 1, c)
                  || !m.contains(k - 1, row, c)
                  || !m.contains(k + 1, row, c);
          if (edge) {
            pts.add(new float[] {(float) l.x(k, row, c), (float) l.y(k, row, c), (float) l.zMm(k)});
          }
        }
      }
    }
    float[] out = new float[3 * pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      System.arraycopy(pts.get(i), 0, out, 3 * i, 3);
    }
    return out;
  }

  private static int[][] sampleVoxels(VoxelMask m, int n, Random rnd) {
    List<int[]> all = new ArrayList<>();
    long total = m.voxelCount();
    double p = Math.min(1.0, (double) n / total);
    var b = m.box();
    for (int k = b.rankLo(); k < b.rankHi(); k++) {
      int[] r = m.runs(k);
      for (int i = 0; i < r.length; i += 3) {
        for (int c = r[i + 1]; c < r[i + 2]; c++) {
          if (rnd.nextDouble() < p) {
            all.add(new int[] {k, r[i], c});
          }
        }
      }
    }
    return all.toArray(new int[0][]);
  }

  /** Voxels whose centre lies inside the ellipsoid, built run by run (no full-grid scan). */
  static VoxelMask ellipsoid(
      VoxelLattice l, double cx, double cy, double cz, double ax, double ay, double az) {
    VoxelMask.Builder b = new VoxelMask.Builder();
    double x0 = l.x(0, 0, 0);
    double y0 = l.y(0, 0, 0);
    for (int k = 0; k < l.sliceCount(); k++) {
      double tz = (l.zMm(k) - cz) / az;
      if (tz * tz >= 1) {
        continue;
      }
      double s = Math.sqrt(1 - tz * tz);
      for (int row = 0; row < l.rows(); row++) {
        double ty = (y0 + row * l.rowSpacingMm() - cy) / (ay * s);
        if (ty * ty >= 1) {
          continue;
        }
        double hx = ax * s * Math.sqrt(1 - ty * ty);
        int c0 = (int) Math.ceil((cx - hx - x0) / l.colSpacingMm());
        int c1 = (int) Math.floor((cx + hx - x0) / l.colSpacingMm()) + 1;
        c0 = Math.max(0, c0);
        c1 = Math.min(l.columns(), c1);
        if (c1 > c0) {
          b.addRun(k, row, c0, c1);
        }
      }
    }
    return b.build();
  }
}
