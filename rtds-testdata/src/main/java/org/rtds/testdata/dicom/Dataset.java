package org.rtds.testdata.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An in-memory DICOM data set (or sequence item) in tag order: each attribute is a {@link Tag} from
 * this module's dictionary with a value already converted to its VR. Text values are validated here
 * (length per value, allowed characters), binary values are stored little endian; {@link
 * DicomWriter} adds headers, lengths and padding.
 *
 * <p>Not thread-safe; build one per file.
 */
public final class Dataset {

  /**
   * One attribute. {@code value} is a {@link String} for text VRs (values joined with backslash,
   * unpadded), a {@code byte[]} in little-endian order for binary VRs, a {@code List<Dataset>} for
   * SQ, or {@link EncapsulatedFrames}.
   */
  public record Element(int tag, Vr vr, Object value) {}

  /**
   * Already-compressed frames of (7FE0,0010) PixelData, one fragment per frame (written with a
   * basic offset table).
   */
  public record EncapsulatedFrames(List<byte[]> frames) {
    /** Copies the list; each fragment is padded to even length by the writer. */
    public EncapsulatedFrames {
      frames = List.copyOf(frames);
    }
  }

  private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

  /**
   * Sets a text attribute to one or more values (joined with backslash). An empty call or a single
   * {@code ""} writes the attribute with zero length (type 2 "present but empty").
   *
   * @throws IllegalArgumentException when the tag's VR is not text, a value is too long for the VR,
   *     a value contains a backslash where that is not allowed, or a UI is not valid
   */
  public Dataset put(Tag tag, String... values) {
    Vr vr = tag.vr();
    if (!vr.isText()) {
      throw new IllegalArgumentException(tag + " has VR " + vr + ", not a text VR");
    }
    for (String v : values) {
      Objects.requireNonNull(v, tag + " value");
      int max = vr.maxValueLength();
      if (max > 0 && v.length() > max) {
        throw new IllegalArgumentException(
            tag + " (" + vr + ") value longer than " + max + " characters: " + v);
      }
      if (v.indexOf('\\') >= 0 && vr != Vr.LT && vr != Vr.ST && vr != Vr.UT) {
        throw new IllegalArgumentException(tag + " value contains a backslash: " + v);
      }
      if (vr == Vr.UI && !v.isEmpty() && !DicomValues.isValidUid(v)) {
        throw new IllegalArgumentException(tag + " is not a valid UID: " + v);
      }
      if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(v)) {
        throw new IllegalArgumentException(tag + " value not in ISO_IR 100 (Latin-1): " + v);
      }
    }
    return set(tag.number(), vr, String.join("\\", values));
  }

  /**
   * Sets a DS attribute from doubles, each formatted to at most 16 characters ({@link
   * DicomValues#ds(double)}).
   */
  public Dataset putDecimal(Tag tag, double... values) {
    requireVr(tag, Vr.DS);
    return set(tag.number(), Vr.DS, DicomValues.ds(values));
  }

  /**
   * Sets an integer attribute: IS as text, US/UL/SS/SL as binary little endian. Values are
   * range-checked for the VR.
   */
  public Dataset putInt(Tag tag, long... values) {
    Vr vr = tag.vr();
    switch (vr) {
      case IS -> {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
          sb.append(i > 0 ? "\\" : "").append(DicomValues.is(values[i]));
        }
        return set(tag.number(), vr, sb.toString());
      }
      case US, SS -> {
        ByteBuffer b = le(2 * values.length);
        for (long v : values) {
          checkRange(
              tag, v, vr == Vr.US ? 0 : Short.MIN_VALUE, vr == Vr.US ? 0xFFFF : Short.MAX_VALUE);
          b.putShort((short) v);
        }
        return set(tag.number(), vr, b.array());
      }
      case UL, SL -> {
        ByteBuffer b = le(4 * values.length);
        for (long v : values) {
          checkRange(
              tag,
              v,
              vr == Vr.UL ? 0 : Integer.MIN_VALUE,
              vr == Vr.UL ? 0xFFFFFFFFL : Integer.MAX_VALUE);
          b.putInt((int) v);
        }
        return set(tag.number(), vr, b.array());
      }
      default -> throw new IllegalArgumentException(tag + " has VR " + vr + ", not an integer VR");
    }
  }

  /** Sets an AT attribute (e.g. (0028,0009) FrameIncrementPointer) to one or more tags. */
  public Dataset putAttributeTag(Tag tag, Tag... pointers) {
    requireVr(tag, Vr.AT);
    ByteBuffer b = le(4 * pointers.length);
    for (Tag p : pointers) {
      b.putShort((short) p.group()).putShort((short) (p.number() & 0xFFFF));
    }
    return set(tag.number(), Vr.AT, b.array());
  }

  /**
   * Sets a binary attribute (OB, OW, …) to raw little-endian bytes, choosing the VR (e.g. OB or OW
   * for PixelData).
   */
  public Dataset putBytes(Tag tag, Vr vr, byte[] value) {
    if (vr.isText() || vr == Vr.SQ) {
      throw new IllegalArgumentException(vr + " is not a binary VR");
    }
    return set(tag.number(), vr, value.clone());
  }

  /**
   * Sets (7FE0,0010) PixelData, OW, from 16-bit samples (signed or unsigned, as the caller
   * declares).
   */
  public Dataset putPixelData(short[] samples) {
    ByteBuffer b = le(2 * samples.length);
    b.asShortBuffer().put(samples);
    return set(Tag.PixelData.number(), Vr.OW, b.array());
  }

  /** Sets (7FE0,0010) PixelData, OW, from 32-bit samples (BitsAllocated 32). */
  public Dataset putPixelData(int[] samples) {
    ByteBuffer b = le(4 * samples.length);
    b.asIntBuffer().put(samples);
    return set(Tag.PixelData.number(), Vr.OW, b.array());
  }

  /**
   * Sets (7FE0,0010) PixelData to encapsulated frames (only for an encapsulated transfer syntax).
   */
  public Dataset putEncapsulatedPixelData(List<byte[]> frames) {
    return set(Tag.PixelData.number(), Vr.OB, new EncapsulatedFrames(frames));
  }

  /** Sets a sequence attribute to the given items (an empty list writes an empty sequence). */
  public Dataset putSequence(Tag tag, Collection<Dataset> items) {
    requireVr(tag, Vr.SQ);
    return set(tag.number(), Vr.SQ, List.copyOf(items));
  }

  /** Sets a sequence attribute to the given items. */
  public Dataset putSequence(Tag tag, Dataset... items) {
    return putSequence(tag, List.of(items));
  }

  /** Removes an attribute if present. */
  public Dataset remove(Tag tag) {
    elements.remove(tag.number());
    return this;
  }

  /** The attribute with this tag, or {@code null}. */
  public Element get(Tag tag) {
    return elements.get(tag.number());
  }

  /** Whether the attribute is present. */
  public boolean contains(Tag tag) {
    return elements.containsKey(tag.number());
  }

  /**
   * The text value of a text attribute (values joined with backslash), or {@code null} when absent.
   */
  public String getString(Tag tag) {
    Element e = get(tag);
    return e == null ? null : (String) e.value();
  }

  /** The first value of an IS, US or UL attribute, or {@code defaultValue} when absent. */
  public long getInt(Tag tag, long defaultValue) {
    Element e = get(tag);
    if (e == null) {
      return defaultValue;
    }
    return switch (e.vr()) {
      case IS -> Long.parseLong(((String) e.value()).split("\\\\")[0].trim());
      case US ->
          ByteBuffer.wrap((byte[]) e.value()).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
      case UL ->
          ByteBuffer.wrap((byte[]) e.value()).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
      default -> throw new IllegalArgumentException(tag + " is not an integer attribute");
    };
  }

  /** The attributes in ascending tag order (unmodifiable). */
  public Collection<Element> elements() {
    return Collections.unmodifiableCollection(elements.values());
  }

  /** The items of a sequence attribute, or an empty list when absent. */
  @SuppressWarnings("unchecked")
  public List<Dataset> getSequence(Tag tag) {
    Element e = get(tag);
    return e == null ? List.of() : (List<Dataset>) e.value();
  }

  /** A shallow copy (sequence items are shared). */
  public Dataset copy() {
    Dataset d = new Dataset();
    d.elements.putAll(elements);
    return d;
  }

  private Dataset set(int tag, Vr vr, Object value) {
    elements.put(tag, new Element(tag, vr, value));
    return this;
  }

  private static void requireVr(Tag tag, Vr vr) {
    if (tag.vr() != vr) {
      throw new IllegalArgumentException(tag + " has VR " + tag.vr() + ", not " + vr);
    }
  }

  private static void checkRange(Tag tag, long v, long min, long max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(tag + " value out of range for " + tag.vr() + ": " + v);
    }
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
