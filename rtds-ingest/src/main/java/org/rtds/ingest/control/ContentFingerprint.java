package org.rtds.ingest.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.rtds.ingest.control.ParsedInstance.Contour;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.DoseReference;
import org.rtds.ingest.control.ParsedInstance.EmbeddedDvh;
import org.rtds.ingest.control.ParsedInstance.Header;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.Roi;
import org.rtds.ingest.control.ParsedInstance.StructureSet;

/**
 * SHA-256 of what RTDS reads from an object, independent of how it was encoded: the same object
 * sent again in another transfer syntax (a router converting implicit to explicit VR, RLE to
 * native) has the same fingerprint and is a duplicate, while a corrected object under the same SOP
 * Instance UID (other contours, other dose values, other prescription) has another and is a
 * conflict.
 *
 * <p>Covered: identity (patient, study, series, frame of reference), CT geometry and rescale (not
 * the CT pixel values, which RTDS does not read: a CT slice re-sent with only its pixels changed
 * counts as a duplicate), every ROI and contour point, the plan's dose references, the dose grid's
 * attributes and every stored dose value, embedded DVHs.
 */
public final class ContentFingerprint {

  private ContentFingerprint() {}

  /**
   * The fingerprint, lower-case hex.
   *
   * <p>{@link ParsedInstance} is a sealed interface: the type switch covers every kind it permits,
   * and its final {@code else} makes a kind added without its part here fail instead of being
   * fingerprinted by its header alone.
   *
   * @throws IllegalStateException for a kind this class does not know
   */
  public static String of(ParsedInstance parsed) {
    Digest d = new Digest();
    Header h = parsed.header();
    d.add(h.sopClass().uid(), h.sopInstanceUid(), h.frameOfReferenceUid().orElse(null));
    d.add(h.patient().patientId(), h.patient().name(), String.valueOf(h.patient().birthDate()));
    d.add(h.patient().sex(), h.study().studyInstanceUid(), h.series().seriesInstanceUid());
    if (parsed instanceof CtSlice ct) {
      d.add(ct.imagePositionPatient(), ct.imageOrientationPatient(), ct.pixelSpacing());
      d.add(String.valueOf(ct.rescaleSlope()), String.valueOf(ct.rescaleIntercept()));
      d.add(ct.sliceThickness(), ct.rows() + "x" + ct.columns());
    } else if (parsed instanceof StructureSet set) {
      d.add(set.label(), set.referencedSeriesInstanceUid().orElse(null));
      for (Roi roi : set.rois()) {
        d.add(roi.number(), roi.name(), roi.interpretedType(), roi.displayColor());
        for (Contour contour : roi.contours()) {
          d.add(contour.geometricType(), contour.referencedSopInstanceUid());
          d.add(contour.points());
        }
      }
    } else if (parsed instanceof Plan plan) {
      d.add(plan.label(), plan.name(), plan.intent(), String.valueOf(plan.fractionsPlanned()));
      d.add(String.valueOf(plan.prescriptionGy()), plan.referencedStructureSetUid());
      for (DoseReference r : plan.doseReferences()) {
        d.add(String.valueOf(r.number()), r.type(), r.referencedRoiNumber());
        d.add(String.valueOf(r.targetPrescriptionGy()), String.valueOf(r.deliveryMaximumGy()));
      }
    } else if (parsed instanceof Dose dose) {
      d.add(dose.doseGridScaling(), dose.summationType(), dose.doseUnits(), dose.doseType());
      d.add(dose.referencedPlanUid(), dose.referencedBeamNumber());
      d.add(dose.imageOrientationPatient(), dose.pixelSpacing());
      d.add(dose.framePositions());
      for (long[] frame : dose.frames()) {
        d.add(frame);
      }
      for (EmbeddedDvh dvh : dose.embeddedDvhs()) {
        d.add(dvh.referencedRoiNumber(), dvh.type(), dvh.doseScaling(), dvh.data());
      }
    } else {
      // a fingerprint that ignored a new kind's content would call different objects duplicates
      throw new IllegalStateException("no fingerprint for " + parsed.getClass().getName());
    }
    return d.hex();
  }

  private static final class Digest {
    private final MessageDigest sha;

    Digest() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void add(String... values) {
      for (String value : values) {
        byte[] bytes = value == null ? new byte[] {0} : value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
      }
    }

    void add(List<String> values) {
      add(String.valueOf(values.size()));
      for (String value : values) {
        // decimal strings compared by value: "1.50" and "1.5" are the same coordinate
        add(canonicalDecimal(value));
      }
    }

    void add(long[] values) {
      ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
      add(String.valueOf(values.length));
      for (long value : values) {
        if (!buffer.hasRemaining()) {
          sha.update(buffer.array(), 0, buffer.position());
          buffer.clear();
        }
        buffer.putLong(value);
      }
      sha.update(buffer.array(), 0, buffer.position());
    }

    String hex() {
      return HexFormat.of().formatHex(sha.digest());
    }

    private static String canonicalDecimal(String value) {
      try {
        return Double.toString(Double.parseDouble(value.trim()));
      } catch (RuntimeException e) {
        return value;
      }
    }
  }
}
