package org.rtds.testdata;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.rtds.testdata.dicom.DicomWriter.SequenceLength;

/**
 * Command line: {@code java -cp rtds-testdata.jar org.rtds.testdata.Generate clinical|phantom
 * OUTDIR [options]}. Writes the study and prints its manifest ({@link StudyManifest#describe()}).
 *
 * <pre>
 * common:   --seed S  --rle  --beams N  --dose-bits 16|32  --implicit  --undefined-lengths
 *           --patient-id ID  --patient-name NAME
 * clinical: --slices N (160)  --slice-thickness MM (2.5)  --dose-spacing MM (2.5)
 *           --rois N (30; up to 53 by adding organs' 3 mm PRVs)
 * phantom:  --radius MM (12)  --height MM (24)  --contour-spacing MM (1)  --vertices N (96)
 *           --ct-pixel MM (1)  --dose-spacing MM (2)  --gradient SI|AP|LR  --dvh
 *           --shapes SPHERE,CYLINDER_PARALLEL,...
 * </pre>
 */
public final class Generate {

  private Generate() {}

  /** Entry point; exits with status 2 on a usage error. */
  public static void main(String[] args) throws IOException {
    try {
      StudyManifest m = run(args);
      System.out.print(m.describe());
    } catch (IllegalArgumentException e) {
      usage(System.err, e.getMessage());
      System.exit(2);
    }
  }

  /** Parses the arguments, writes the study and returns its manifest. */
  public static StudyManifest run(String... args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("need a kind and an output directory");
    }
    String kind = args[0];
    Path out = Path.of(args[1]);
    PhantomStudy.Options p = PhantomStudy.Options.defaults();
    ClinicalStudy.Options c = ClinicalStudy.Options.defaults();
    String patientId = null;
    String patientName = null;
    int rois = 0;
    for (int i = 2; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--rle" -> {
          p = p.withRle(true);
          c = c.withRle(true);
        }
        case "--implicit" -> {
          p = p.withImplicitVr(true);
          c = c.withImplicitVr(true);
        }
        case "--undefined-lengths" -> {
          p = p.withSequenceLength(SequenceLength.UNDEFINED);
          c = c.withSequenceLength(SequenceLength.UNDEFINED);
        }
        case "--dvh" -> p = p.withEmbeddedDvh(true);
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("unknown option or missing value: " + a);
          }
          String v = args[++i];
          switch (a) {
            case "--seed" -> {
              p = p.withSeed(Long.parseLong(v));
              c = c.withSeed(Long.parseLong(v));
            }
            case "--beams" -> {
              p = p.withBeams(Integer.parseInt(v));
              c = c.withBeams(Integer.parseInt(v));
            }
            case "--dose-bits" -> {
              p = p.withDoseBits(Integer.parseInt(v));
              c = c.withDoseBits(Integer.parseInt(v));
            }
            case "--patient-id" -> patientId = v;
            case "--patient-name" -> patientName = v;
            case "--rois" -> rois = Integer.parseInt(v);
            case "--slices" -> c = c.withSlices(Integer.parseInt(v), c.sliceThicknessMm());
            case "--slice-thickness" -> c = c.withSlices(c.slices(), Double.parseDouble(v));
            case "--dose-spacing" -> {
              p = p.withDoseGridSpacingMm(Double.parseDouble(v));
              c = c.withDoseGridSpacingMm(Double.parseDouble(v));
            }
            case "--radius" -> p = p.withRadiusMm(Double.parseDouble(v));
            case "--height" -> p = p.withHeightMm(Double.parseDouble(v));
            case "--contour-spacing" -> p = p.withContourSpacingMm(Double.parseDouble(v));
            case "--vertices" -> p = p.withPolygonVertices(Integer.parseInt(v));
            case "--ct-pixel" -> p = p.withCtPixelSpacingMm(Double.parseDouble(v));
            case "--gradient" -> p = p.withGradient(PhantomStudy.Gradient.valueOf(v));
            case "--shapes" -> {
              String[] names = v.split(",");
              PhantomStudy.Shape[] shapes = new PhantomStudy.Shape[names.length];
              for (int s = 0; s < names.length; s++) {
                shapes[s] = PhantomStudy.Shape.valueOf(names[s].trim());
              }
              p = p.withShapes(shapes);
            }
            default -> throw new IllegalArgumentException("unknown option: " + a);
          }
        }
      }
    }
    if (patientId != null || patientName != null) {
      p = p.withPatient(patientId, patientName);
      c = c.withPatient(patientId, patientName);
    }
    return switch (kind) {
      case "phantom" -> PhantomStudy.write(out, p);
      case "clinical" ->
          ClinicalStudy.write(
              out,
              c,
              rois == 0
                  ? ClinicalStudy.Anatomy.standard()
                  : ClinicalStudy.Anatomy.standard().withRoiCount(rois));
      default -> throw new IllegalArgumentException("kind must be clinical or phantom: " + kind);
    };
  }

  private static void usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println(
        "usage: java -cp rtds-testdata.jar org.rtds.testdata.Generate clinical|phantom OUTDIR"
            + " [--seed S] [--rle] [--beams N] [--dose-bits 16|32] [--implicit] [--undefined-lengths]"
            + " [--patient-id ID] [--patient-name NAME]\n"
            + "  clinical: [--slices N] [--slice-thickness MM] [--dose-spacing MM] [--rois N]\n"
            + "  phantom:  [--radius MM] [--height MM] [--contour-spacing MM] [--vertices N]"
            + " [--ct-pixel MM] [--dose-spacing MM] [--gradient SI|AP|LR] [--dvh] [--shapes A,B,...]");
  }
}
