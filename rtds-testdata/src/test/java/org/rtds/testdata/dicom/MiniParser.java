package org.rtds.testdata.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny independent Part 10 reader for tests: walks every element (into sequences and encapsulated
 * pixel data) and fails on structural errors (odd lengths, bad delimiters, overruns).
 */
public final class MiniParser {

  /** One parsed element; {@code fragments} for encapsulated pixel data (offset table first). */
  public record El(
      int tag, String vr, long length, byte[] value, int depth, List<byte[]> fragments) {
    public String text() {
      return new String(value, StandardCharsets.ISO_8859_1);
    }
  }

  public final List<El> meta = new ArrayList<>();
  public final List<El> elements = new ArrayList<>();
  public long metaGroupLength;
  public int metaBytes;
  public String transferSyntax;

  private final ByteBuffer b;
  private boolean explicit;

  public MiniParser(byte[] file) {
    b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 128; i++) {
      if (file[i] != 0) {
        throw new IllegalStateException("preamble not zero at " + i);
      }
    }
    if (!new String(file, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
      throw new IllegalStateException("no DICM");
    }
    b.position(132);
    explicit = true;
    El gl = next(0);
    if (gl.tag() != 0x00020000 || !gl.vr().equals("UL")) {
      throw new IllegalStateException("first meta element is not (0002,0000) UL");
    }
    metaGroupLength =
        ByteBuffer.wrap(gl.value()).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
    int start = b.position();
    while (b.position() < start + metaGroupLength) {
      El e = next(0);
      meta.add(e);
      if (e.tag() == 0x00020010) {
        transferSyntax = e.text().replace("\0", "");
      }
    }
    metaBytes = b.position() - start;
    explicit = !"1.2.840.10008.1.2".equals(transferSyntax);
    while (b.hasRemaining()) {
      elements.add(next(0));
    }
  }

  public El first(int tag) {
    return elements.stream().filter(e -> e.tag() == tag).findFirst().orElse(null);
  }

  private El next(int depth) {
    int tag = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
    String vr;
    long len;
    if (explicit) {
      vr = "" + (char) b.get() + (char) b.get();
      if (Vr.valueOf(vr).hasLongLength()) {
        if (b.getShort() != 0) {
          throw new IllegalStateException("reserved bytes not zero");
        }
        len = b.getInt() & 0xFFFFFFFFL;
      } else {
        len = b.getShort() & 0xFFFF;
      }
    } else {
      Tag t = Tag.forNumber(tag);
      if (t == null) {
        throw new IllegalStateException("unknown tag in implicit VR " + Tag.format(tag));
      }
      vr = t.vr().name();
      len = b.getInt() & 0xFFFFFFFFL;
    }
    if (vr.equals("SQ")) {
      El e = new El(tag, vr, len, new byte[0], depth, null);
      readSequence(len, depth + 1);
      return e;
    }
    if (len == 0xFFFFFFFFL) {
      if (tag != 0x7FE00010) {
        throw new IllegalStateException("undefined length on " + Tag.format(tag));
      }
      List<byte[]> frags = new ArrayList<>();
      while (true) {
        int it = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
        long il = b.getInt() & 0xFFFFFFFFL;
        if (it == DicomWriter.SEQUENCE_DELIMITATION) {
          break;
        }
        if (it != DicomWriter.ITEM || il % 2 != 0) {
          throw new IllegalStateException("bad fragment item");
        }
        byte[] f = new byte[(int) il];
        b.get(f);
        frags.add(f);
      }
      return new El(tag, vr, len, new byte[0], depth, frags);
    }
    if (len % 2 != 0) {
      throw new IllegalStateException("odd length " + len + " in " + Tag.format(tag));
    }
    byte[] v = new byte[(int) len];
    b.get(v);
    return new El(tag, vr, len, v, depth, null);
  }

  private void readSequence(long len, int depth) {
    long end = len == 0xFFFFFFFFL ? -1 : b.position() + len;
    while (end < 0 || b.position() < end) {
      int it = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
      long il = b.getInt() & 0xFFFFFFFFL;
      if (it == DicomWriter.SEQUENCE_DELIMITATION) {
        if (end >= 0 || il != 0) {
          throw new IllegalStateException("unexpected sequence delimiter");
        }
        return;
      }
      if (it != DicomWriter.ITEM) {
        throw new IllegalStateException("expected item, got " + Tag.format(it));
      }
      if (il == 0xFFFFFFFFL) {
        while (true) {
          int save = b.position();
          int t = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
          if (t == DicomWriter.ITEM_DELIMITATION) {
            if (b.getInt() != 0) {
              throw new IllegalStateException("item delimiter length");
            }
            break;
          }
          b.position(save);
          elements.add(next(depth));
        }
      } else {
        long itemEnd = b.position() + il;
        while (b.position() < itemEnd) {
          elements.add(next(depth));
        }
        if (b.position() != itemEnd) {
          throw new IllegalStateException("item overrun");
        }
      }
    }
    if (b.position() != end) {
      throw new IllegalStateException("sequence overrun");
    }
  }

  /** Every value even; DS values ≤ 16 characters and numeric; UI ≤ 64 and valid; IS ≤ 12. */
  public static void checkValues(MiniParser p) {
    for (MiniParser.El e : p.elements) {
      assertThat(e.length() % 2 == 0 || e.length() == 0xFFFFFFFFL).isTrue();
      Tag t = Tag.forNumber(e.tag());
      assertThat(t).as(Tag.format(e.tag())).isNotNull();
      assertThat(t.vr().name().equals(e.vr()) || (t == Tag.PixelData && e.vr().equals("OB")))
          .as(t + " VR")
          .isTrue();
      if (e.vr().equals("DS")) {
        for (String v : e.text().trim().split("\\\\", -1)) {
          if (!v.isEmpty()) {
            assertThat(v.length()).as(t + " " + v).isLessThanOrEqualTo(16);
            Double.parseDouble(v);
          }
        }
      }
      if (e.vr().equals("IS")) {
        for (String v : e.text().trim().split("\\\\", -1)) {
          assertThat(v.length()).isLessThanOrEqualTo(12);
        }
      }
      if (e.vr().equals("UI") && e.length() > 0) {
        String uid = e.text();
        assertThat(uid.indexOf('\0')).isIn(-1, uid.length() - 1);
        uid = uid.replace("\0", "");
        assertThat(DicomValues.isValidUid(uid)).as(uid).isTrue();
      }
    }
  }
}
