package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherLongAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PixelFramesTest {

  private static final String IMPLICIT_LE = DicomReader.IMPLICIT_VR_LITTLE_ENDIAN;
  private static final String EXPLICIT_LE = PixelDataDecoder.EXPLICIT_VR_LITTLE_ENDIAN;
  private static final String EXPLICIT_BE = PixelDataDecoder.EXPLICIT_VR_BIG_ENDIAN;
  private static final String DEFLATED = DicomReader.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
  private static final String RLE = RleLosslessDecoder.TRANSFER_SYNTAX_UID;
  private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

  private static final AttributeTag DOSE_UNITS = new AttributeTag(0x3004, 0x0002);
  private static final AttributeTag DOSE_GRID_SCALING = new AttributeTag(0x3004, 0x000E);

  /**
   * Sums of the stored values of each of the 15 frames of pydicom's rtdose.dcm, as pydicom 2.3.1
   * decodes rtdose.dcm and rtdose_rle.dcm, and DCMTK 3.6.7 ({@code dcmdrle}) decodes
   * rtdose_rle.dcm: byte for byte the same pixel data.
   */
  private static final long[] PYDICOM_DOSE_FRAME_SUMS = {
    101378000, 101381000, 101378000, 101369000, 101347000, 101291000, 101246000, 101273000,
    101285000, 101245000, 101250000, 101310000, 101369000, 101397000, 101391000
  };

  private final DicomReader reader = new DicomReader();

  @TempDir Path temp;

  // --- fixtures ---

  @Test
  void pydicomRleDoseEqualsTheUncompressedDose() throws Exception {
    PixelFrames plain = frames(TestData.pydicom("rtdose.dcm"));
    PixelFrames rle = frames(TestData.pydicom("rtdose_rle.dcm"));

    assertThat(rle.values()).isDeepEqualTo(plain.values());
    assertThat(rle.toString()).isEqualTo("15 frames of 10 × 10, 32 bits unsigned");
    // Values that pydicom and DCMTK decode independently.
    assertThat(plain.frame(0)).startsWith(1249000, 1249000, 1250000);
    assertThat(plain.value(7, 4, 6)).isEqualTo(1026000);
    assertThat(plain.value(14, 9, 9)).isEqualTo(799000);
    for (int f = 0; f < 15; f++) {
      assertThat(Arrays.stream(rle.frame(f)).sum())
          .as("frame %d", f)
          .isEqualTo(PYDICOM_DOSE_FRAME_SUMS[f]);
    }
    long[] all = Arrays.stream(rle.values()).flatMapToLong(Arrays::stream).toArray();
    assertThat(Arrays.stream(all).min()).hasValue(795000);
    assertThat(Arrays.stream(all).max()).hasValue(1254000);
  }

  @Test
  void bigEndianAndSingleFrameDosesEqualTheLittleEndianOne() throws Exception {
    PixelFrames plain = frames(TestData.pydicom("rtdose.dcm"));
    PixelFrames bigEndian = frames(TestData.pydicom("rtdose_expb.dcm"));
    PixelFrames single = frames(TestData.pydicom("rtdose_1frame.dcm"));

    assertThat(bigEndian.values()).isDeepEqualTo(plain.values());
    assertThat(single.numberOfFrames()).isEqualTo(1);
    assertThat(single.frame(0)).containsExactly(plain.frame(0));
  }

  @Test
  void relativeDoseScalesToFractionsOfTheReference() throws Exception {
    DicomObject dose = reader.read(TestData.pydicom("rtdose.dcm"));
    PixelFrames frames = dose.pixelFrames();

    // DoseUnits RELATIVE: value × DoseGridScaling is relative to an unstated reference dose.
    double[] relative = frames.scaledFrame(14, dose.requiredDouble(DicomTag.DOSE_GRID_SCALING));
    assertThat(relative[99]).isCloseTo(0.799, within(1e-12));
  }

  @Test
  void nelmsDoseIsTheLinearGradientInGy() throws Exception {
    DicomObject dose = reader.read(TestData.nelms("RD.dcm"));
    PixelFrames frames = dose.pixelFrames();

    assertThat(dose.requiredString(DicomTag.DOSE_UNITS)).isEqualTo("GY");
    assertThat(frames.numberOfFrames()).isEqualTo(17);
    assertThat(frames.rows()).isEqualTo(59);
    assertThat(frames.columns()).isEqualTo(59);
    assertThat(frames.valuesPerFrame()).isEqualTo(59 * 59);
    assertThat(frames.bitsAllocated()).isEqualTo(32);
    assertThat(frames.signed()).isFalse();
    // Above 2^31: exact only as an unsigned 32-bit value.
    assertThat(frames.value(16, 58, 58)).isEqualTo(4_000_000_000L);

    double scaling = dose.requiredDouble(DicomTag.DOSE_GRID_SCALING);
    double z0 = dose.doubles(DicomTag.IMAGE_POSITION_PATIENT)[2];
    double[] offsets = dose.doubles(DicomTag.GRID_FRAME_OFFSET_VECTOR);
    assertThat(offsets).hasSize(17);
    double insideObjectsMin = Double.MAX_VALUE;
    double insideObjectsMax = -Double.MAX_VALUE;
    for (int f = 0; f < 17; f++) {
      double z = z0 + offsets[f];
      double[] gy = frames.scaledFrame(f, scaling);
      // D = 16 Gy + 1 Gy/mm · z (data README), constant in each plane.
      for (double d : gy) {
        assertThat(d).as("frame %d at z = %s mm", f, z).isCloseTo(16 + z, within(1e-6));
      }
      if (z >= -12 && z <= 12) {
        insideObjectsMin = Math.min(insideObjectsMin, gy[0]);
        insideObjectsMax = Math.max(insideObjectsMax, gy[0]);
      }
    }
    // The objects span z = -12 … 12 mm: 4 → 28 Gy (truth.json: Dmin 4, Dmax 28).
    assertThat(insideObjectsMin).isCloseTo(4.0, within(1e-6));
    assertThat(insideObjectsMax).isCloseTo(28.0, within(1e-6));
  }

  @Test
  void rleEncodingByDcmtkOfTheNelmsDoseEqualsTheUncompressedOne() throws Exception {
    DicomObject rle = reader.read(resource("RD_rle_dcmtk.dcm"));

    assertThat(rle.transferSyntaxUid()).isEqualTo(RLE);
    assertThat(rle.pixelFrames().values()).isDeepEqualTo(frames(TestData.nelms("RD.dcm")).values());
  }

  @Test
  void ctSliceIsSigned16Bit() throws Exception {
    PixelFrames ct = frames(TestData.pydicom("CT_small.dcm"));

    assertThat(ct.toString()).isEqualTo("1 frame of 128 × 128, 16 bits signed");
    assertThat(ct.frame(0)).startsWith(175, 180, 166);
    assertThat(ct.value(0, 127, 127)).isEqualTo(909);
    assertThat(Arrays.stream(ct.frame(0)).sum()).isEqualTo(14826310);
  }

  @Test
  void indicesOutsideTheGridAreRejected() throws Exception {
    PixelFrames dose = frames(TestData.pydicom("rtdose.dcm"));

    assertThatThrownBy(() -> dose.value(15, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> dose.value(0, 10, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> dose.value(0, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> dose.frame(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  // --- synthetic native pixel data ---

  /** A layout of native pixel data and how to write it. */
  record Native(
      String name,
      String transferSyntax,
      int bitsAllocated,
      int bitsStored,
      boolean signed,
      String vr,
      int rows,
      int columns,
      int frames) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Native> nativeLayouts() {
    return Stream.of(
        new Native("8u OB, odd length, explicit LE", EXPLICIT_LE, 8, 8, false, "OB", 3, 3, 1),
        new Native("8u OW, explicit BE", EXPLICIT_BE, 8, 8, false, "OW", 3, 4, 2),
        new Native("8u OB, explicit BE", EXPLICIT_BE, 8, 8, false, "OB", 3, 4, 2),
        new Native("8s OB, implicit LE", IMPLICIT_LE, 8, 8, true, "OB", 4, 4, 2),
        new Native("16u OW, implicit LE", IMPLICIT_LE, 16, 16, false, "OW", 5, 3, 3),
        new Native("16u OW, explicit BE", EXPLICIT_BE, 16, 16, false, "OW", 5, 3, 3),
        new Native("16s OW, explicit LE", EXPLICIT_LE, 16, 16, true, "OW", 4, 6, 2),
        new Native("16s OW, explicit BE", EXPLICIT_BE, 16, 16, true, "OW", 4, 6, 2),
        new Native("16s OW, deflated", DEFLATED, 16, 16, true, "OW", 4, 6, 2),
        new Native("12s in 16, explicit LE", EXPLICIT_LE, 16, 12, true, "OW", 3, 5, 2),
        new Native("12s in 16, explicit BE", EXPLICIT_BE, 16, 12, true, "OW", 3, 5, 2),
        new Native("12u in 16, implicit LE", IMPLICIT_LE, 16, 12, false, "OW", 3, 5, 2),
        new Native("32u OL, explicit LE", EXPLICIT_LE, 32, 32, false, "OL", 4, 5, 3),
        new Native("32u OL, explicit BE", EXPLICIT_BE, 32, 32, false, "OL", 4, 5, 3),
        new Native("32u OL, implicit LE", IMPLICIT_LE, 32, 32, false, "OL", 4, 5, 3),
        new Native("32u OW, explicit LE", EXPLICIT_LE, 32, 32, false, "OW", 4, 5, 3),
        new Native("32s OL, explicit LE", EXPLICIT_LE, 32, 32, true, "OL", 4, 5, 3),
        new Native("32s OL, explicit BE", EXPLICIT_BE, 32, 32, true, "OL", 4, 5, 3),
        new Native("24s in 32, explicit BE", EXPLICIT_BE, 32, 24, true, "OL", 2, 7, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nativeLayouts")
  void nativePixelDataReadsAsStored(Native layout) throws Exception {
    long[][] expected =
        storedValues(
            new Random(layout.name().hashCode()),
            layout.frames(),
            layout.rows() * layout.columns(),
            layout.bitsStored(),
            layout.signed());
    int[] cells = cells(expected, layout.bitsAllocated(), layout.bitsStored());
    Attribute pixelData = nativePixelData(cells, layout.bitsAllocated(), layout.vr());
    Path file =
        write(
            layout.transferSyntax(),
            layout.rows(),
            layout.columns(),
            layout.frames(),
            layout.bitsAllocated(),
            layout.bitsStored(),
            layout.signed(),
            pixelData);

    DicomObject object = reader.read(file);
    PixelFrames frames = object.pixelFrames();

    assertThat(object.transferSyntaxUid()).isEqualTo(layout.transferSyntax());
    assertThat(frames.values()).isDeepEqualTo(expected);
    assertThat(frames.bitsStored()).isEqualTo(layout.bitsStored());
    assertThat(frames.signed()).isEqualTo(layout.signed());
  }

  // --- synthetic RLE pixel data ---

  static Stream<Arguments> rleLayouts() {
    return Stream.of(
        Arguments.of(8, false, 7, 130, 3),
        Arguments.of(8, true, 1, 1, 1),
        Arguments.of(16, false, 12, 9, 4),
        Arguments.of(16, true, 20, 300, 2),
        Arguments.of(32, false, 9, 11, 5),
        Arguments.of(32, true, 3, 129, 2));
  }

  @ParameterizedTest(name = "{0} bits, signed {1}, {2} × {3} × {4}")
  @MethodSource("rleLayouts")
  void rleRoundTripsThroughADicomFile(
      int bitsAllocated, boolean signed, int rows, int columns, int frameCount) throws Exception {
    Random random = new Random(bitsAllocated * 1000L + rows);
    long[][] expected = storedValues(random, frameCount, rows * columns, bitsAllocated, signed);
    Path file = writeRle(expected, rows, columns, bitsAllocated, signed);

    PixelFrames frames = frames(file);

    assertThat(frames.values()).isDeepEqualTo(expected);
    if (bitsAllocated <= 16) {
      // The library decodes RLE up to 16 bits itself: an independent check of the test encoder.
      assertThat(libraryDecodedCells(file, bitsAllocated))
          .containsExactly(cells(expected, bitsAllocated, bitsAllocated));
    }
  }

  @Test
  void damagedRleFrameIsRejectedNamingFrameSegmentAndObject() throws Exception {
    Path file =
        TestFiles.rewrite(
            TestData.pydicom("rtdose_rle.dcm"),
            temp.resolve("damaged.dcm"),
            null,
            list -> {
              byte[][] frames =
                  ((OtherByteAttributeMultipleCompressedFrames) list.getPixelData()).getFrames();
              frames[2] = frames[2].clone();
              frames[2][4 + 4 * 2] = (byte) 0xFF; // offset of segment 3 far past the end
              frames[2][4 + 4 * 2 + 1] = (byte) 0xFF;
              list.put(
                  new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, frames));
            });
    DicomObject dose = reader.read(file);

    assertThatThrownBy(dose::pixelFrames)
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.MALFORMED))
        .hasMessage(
            "RLE Lossless pixel data, frame 3 of 15, segment 3 of 4 starts at byte 65535, at or"
                + " past the end of the frame (330 bytes) in RT Dose"
                + " 1.9.999.999.99.9.9999.9999.20030818153516");
  }

  // --- what is refused ---

  @Test
  void otherCompressedTransferSyntaxIsUnsupportedNamingIt() throws Exception {
    // Stand-in JPEG frames (start and end of image markers): the reader keeps them undecoded.
    Path jpeg =
        TestFiles.rewrite(
            TestData.pydicom("rtdose_rle.dcm"),
            temp.resolve("jpeg.dcm"),
            JPEG_BASELINE,
            list -> {
              byte[][] frames = new byte[15][];
              Arrays.fill(frames, RleTestEncoder.bytes(0xFF, 0xD8, 0xFF, 0xD9));
              list.put(
                  new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, frames));
            });
    DicomObject dose = reader.read(jpeg);

    assertThatThrownBy(dose::pixelFrames)
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.UNSUPPORTED_ENCODING))
        .hasMessageContaining(
            "pixel data in transfer syntax 1.2.840.10008.1.2.4.50 (JPEG Baseline) cannot be"
                + " decoded")
        .hasMessageContaining("RLE Lossless (1.2.840.10008.1.2.5)");
  }

  static Stream<Arguments> refusedEdits() {
    return Stream.of(
        Arguments.of(
            "colour",
            edit(new UnsignedShortAttribute(TagFromName.SamplesPerPixel), "3"),
            DicomParseException.Reason.UNSUPPORTED_ENCODING,
            "SamplesPerPixel (0028,0002) is 3: RTDS reads single-sample (greyscale) pixel data"
                + " only"),
        Arguments.of(
            "palette",
            edit(new CodeStringAttribute(TagFromName.PhotometricInterpretation), "PALETTE COLOR"),
            DicomParseException.Reason.UNSUPPORTED_ENCODING,
            "PhotometricInterpretation (0028,0004) is PALETTE COLOR"),
        Arguments.of(
            "12 bits allocated",
            edit(new UnsignedShortAttribute(TagFromName.BitsAllocated), "12"),
            DicomParseException.Reason.UNSUPPORTED_ENCODING,
            "BitsAllocated (0028,0100) is 12: RTDS reads 8, 16 and 32 bits"),
        Arguments.of(
            "bits stored beyond bits allocated",
            edit(new UnsignedShortAttribute(TagFromName.BitsStored), "33"),
            DicomParseException.Reason.INVALID_VALUE,
            "BitsStored (0028,0101) is 33, outside 1 to BitsAllocated (32)"),
        Arguments.of(
            "high bit elsewhere",
            edit(new UnsignedShortAttribute(TagFromName.HighBit), "30"),
            DicomParseException.Reason.UNSUPPORTED_ENCODING,
            "HighBit (0028,0102) is 30"),
        Arguments.of(
            "pixel representation 2",
            edit(new UnsignedShortAttribute(TagFromName.PixelRepresentation), "2"),
            DicomParseException.Reason.INVALID_VALUE,
            "PixelRepresentation (0028,0103) is 2"),
        Arguments.of(
            "no rows",
            edit(new UnsignedShortAttribute(TagFromName.Rows), "0"),
            DicomParseException.Reason.INVALID_VALUE,
            "Rows (0028,0010) is 0 where at least 1 was expected"),
        Arguments.of(
            "wrong frame count",
            edit(new IntegerStringAttribute(TagFromName.NumberOfFrames), "14"),
            DicomParseException.Reason.INVALID_VALUE,
            "PixelData (7FE0,0010) has 6000 bytes where Rows × Columns × NumberOfFrames = 10 × 10"
                + " × 14 × 4 bytes = 5600 were expected in RT Dose"),
        Arguments.of(
            "no bits stored",
            (TestFiles.Edit) list -> list.remove(TagFromName.BitsStored),
            DicomParseException.Reason.MISSING_ATTRIBUTE,
            "BitsStored (0028,0101)"),
        Arguments.of(
            "no pixel data",
            (TestFiles.Edit) list -> list.remove(TagFromName.PixelData),
            DicomParseException.Reason.MISSING_ATTRIBUTE,
            "missing or empty required attribute PixelData (7FE0,0010) in RT Dose"),
        Arguments.of(
            "too many values",
            (TestFiles.Edit)
                list -> {
                  edit(new UnsignedShortAttribute(TagFromName.Rows), "65535").apply(list);
                  edit(new UnsignedShortAttribute(TagFromName.Columns), "65535").apply(list);
                },
            DicomParseException.Reason.TOO_LARGE,
            "the pixel data would hold Rows × Columns × NumberOfFrames = 65535 × 65535 × 15 ="
                + " 64422543375 values, more than the 134217728 RTDS reads"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedEdits")
  void unusablePixelAttributesAreRefusedWithAReason(
      String name, TestFiles.Edit edit, DicomParseException.Reason reason, String message)
      throws Exception {
    for (String source : new String[] {"rtdose.dcm", "rtdose_rle.dcm"}) {
      if (source.equals("rtdose_rle.dcm") && message.startsWith("PixelData (7FE0,0010) has")) {
        continue; // a native-only check; the library itself rejects an RLE frame count mismatch
      }
      Path file = TestFiles.rewrite(TestData.pydicom(source), temp.resolve(source), null, edit);
      DicomObject dose = reader.read(file);

      assertThatThrownBy(dose::pixelFrames)
          .as("%s, %s", name, source)
          .isInstanceOfSatisfying(
              DicomParseException.class, e -> assertThat(e.reason()).isEqualTo(reason))
          .hasMessageContaining(message);
    }
  }

  // --- helpers ---

  private PixelFrames frames(Path file) throws Exception {
    return reader.read(file).pixelFrames();
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(PixelFramesTest.class.getResource(name).toURI());
  }

  private static TestFiles.Edit edit(Attribute attribute, String value) {
    return list -> {
      attribute.removeValues();
      attribute.addValue(value);
      list.put(attribute);
    };
  }

  /**
   * Random stored values, per frame, including the extremes of the range: 0 and 2^bits − 1
   * unsigned, −2^(bits−1) and 2^(bits−1) − 1 signed.
   */
  private static long[][] storedValues(
      Random random, int frames, int perFrame, int bitsStored, boolean signed) {
    long min = signed ? -(1L << (bitsStored - 1)) : 0;
    long max = signed ? (1L << (bitsStored - 1)) - 1 : (1L << bitsStored) - 1;
    long[][] values = new long[frames][perFrame];
    for (long[] frame : values) {
      for (int i = 0; i < perFrame; i++) {
        // Runs of equal values now and then, so RLE has replicate runs.
        frame[i] =
            i > 0 && random.nextInt(3) == 0
                ? frame[i - 1]
                : min + Math.floorMod(random.nextLong(), max - min + 1);
      }
    }
    values[0][0] = min;
    values[frames - 1][perFrame - 1] = max;
    if (perFrame > 2) {
      values[0][1] = max;
      values[0][2] = signed ? -1 : 0;
    }
    return values;
  }

  /**
   * The pixel cells that hold the values: the low bitsStored bits; the bits above hold a pattern
   * (as overlays did in old files) that readers must ignore.
   */
  private static int[] cells(long[][] values, int bitsAllocated, int bitsStored) {
    int[] cells = new int[values.length * values[0].length];
    long mask = (1L << bitsStored) - 1;
    long garbage = bitsStored == bitsAllocated ? 0 : 0xA5A5A5A5L & ~mask;
    long cellMask = (1L << bitsAllocated) - 1;
    int i = 0;
    for (long[] frame : values) {
      for (long value : frame) {
        cells[i++] = (int) (((value & mask) | garbage) & cellMask);
      }
    }
    return cells;
  }

  private static Attribute nativePixelData(int[] cells, int bitsAllocated, String vr)
      throws DicomException {
    switch (vr) {
      case "OB":
        {
          OtherByteAttribute attribute = new OtherByteAttribute(TagFromName.PixelData);
          byte[] bytes = new byte[cells.length];
          for (int i = 0; i < cells.length; i++) {
            bytes[i] = (byte) cells[i];
          }
          attribute.setValues(bytes);
          return attribute;
        }
      case "OL":
        {
          OtherLongAttribute attribute = new OtherLongAttribute(TagFromName.PixelData);
          attribute.setValues(cells);
          return attribute;
        }
      default:
        {
          // OW: 16-bit words; 8-bit cells two to a word (first in the low byte), 32-bit cells in
          // two words (low word first, as little endian files store them).
          short[] words;
          if (bitsAllocated == 8) {
            words = new short[(cells.length + 1) / 2];
            for (int i = 0; i < cells.length; i++) {
              words[i / 2] |= (short) ((cells[i] & 0xFF) << (8 * (i % 2)));
            }
          } else if (bitsAllocated == 16) {
            words = new short[cells.length];
            for (int i = 0; i < cells.length; i++) {
              words[i] = (short) cells[i];
            }
          } else {
            words = new short[2 * cells.length];
            for (int i = 0; i < cells.length; i++) {
              words[2 * i] = (short) cells[i];
              words[2 * i + 1] = (short) (cells[i] >>> 16);
            }
          }
          OtherWordAttribute attribute = new OtherWordAttribute(TagFromName.PixelData);
          attribute.setValues(words);
          return attribute;
        }
    }
  }

  private Path writeRle(long[][] values, int rows, int columns, int bitsAllocated, boolean signed)
      throws Exception {
    int perFrame = rows * columns;
    int[] cells = cells(values, bitsAllocated, bitsAllocated);
    byte[][] frames = new byte[values.length][];
    for (int f = 0; f < values.length; f++) {
      frames[f] =
          RleTestEncoder.encodeFrame(
              Arrays.copyOfRange(cells, f * perFrame, (f + 1) * perFrame),
              rows,
              columns,
              bitsAllocated / 8);
    }
    return write(
        RLE,
        rows,
        columns,
        values.length,
        bitsAllocated,
        bitsAllocated,
        signed,
        new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, frames));
  }

  /** The cells as the library decodes the RLE file (it can up to 16 bits). */
  private static int[] libraryDecodedCells(Path file, int bitsAllocated) throws Exception {
    AttributeList list = new AttributeList();
    list.read(file.toFile());
    Attribute pixelData = list.getPixelData();
    if (bitsAllocated == 8) {
      byte[] bytes = pixelData.getByteValues();
      int[] cells = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        cells[i] = bytes[i] & 0xFF;
      }
      return cells;
    }
    short[] words = pixelData.getShortValues();
    int[] cells = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      cells[i] = words[i] & 0xFFFF;
    }
    return cells;
  }

  /** Writes a minimal RT Dose. */
  private Path write(
      String transferSyntax,
      int rows,
      int columns,
      int frames,
      int bitsAllocated,
      int bitsStored,
      boolean signed,
      Attribute pixelData)
      throws Exception {
    String sopInstanceUid = "1.2.826.0.1.3680043.8.498.99." + Math.abs(pixelData.hashCode());
    AttributeList list = new AttributeList();
    put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SopClass.RT_DOSE.uid());
    put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sopInstanceUid);
    put(
        list,
        new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID),
        "1.2.826.0.1.3680043.8.498.1");
    put(
        list,
        new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID),
        "1.2.826.0.1.3680043.8.498.2");
    put(list, new LongStringAttribute(TagFromName.PatientID), "PIXELS");
    put(list, new CodeStringAttribute(TagFromName.Modality), "RTDOSE");
    put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), "1");
    put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
    put(list, new IntegerStringAttribute(TagFromName.NumberOfFrames), Integer.toString(frames));
    put(list, new UnsignedShortAttribute(TagFromName.Rows), Integer.toString(rows));
    put(list, new UnsignedShortAttribute(TagFromName.Columns), Integer.toString(columns));
    put(
        list,
        new UnsignedShortAttribute(TagFromName.BitsAllocated),
        Integer.toString(bitsAllocated));
    put(list, new UnsignedShortAttribute(TagFromName.BitsStored), Integer.toString(bitsStored));
    put(list, new UnsignedShortAttribute(TagFromName.HighBit), Integer.toString(bitsStored - 1));
    put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), signed ? "1" : "0");
    put(list, new CodeStringAttribute(DOSE_UNITS), "GY");
    put(list, new DecimalStringAttribute(DOSE_GRID_SCALING), "1e-4");
    list.put(pixelData);
    FileMetaInformation.addFileMetaInformation(
        list, SopClass.RT_DOSE.uid(), sopInstanceUid, transferSyntax, "RTDS_TEST");
    Path file = temp.resolve("synthetic-" + sopInstanceUid + ".dcm");
    list.write(file.toFile(), transferSyntax, true, true);
    return file;
  }

  private static void put(AttributeList list, Attribute attribute, String value)
      throws DicomException {
    attribute.addValue(value);
    list.put(attribute);
  }
}
