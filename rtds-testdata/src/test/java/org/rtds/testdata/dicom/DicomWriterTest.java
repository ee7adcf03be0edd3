package org.rtds.testdata.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtds.testdata.dicom.DicomWriter.SequenceLength;

class DicomWriterTest {

  static Dataset sample() {
    Dataset d = new Dataset();
    d.put(Tag.SOPClassUID, Uids.RT_STRUCTURE_SET_STORAGE);
    d.put(Tag.SOPInstanceUID, "1.2.3.4.5"); // odd length: NUL padded
    d.put(Tag.Modality, "RTSTRUCT");
    d.put(Tag.PatientName, "Doe^Jane"); // even
    d.put(Tag.PatientID, "ODD"); // odd: space padded
    d.put(Tag.AccessionNumber); // empty
    d.put(Tag.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
    d.putDecimal(Tag.ImagePositionPatient, -Math.PI * 100, 1.0 / 3, 1e-12);
    Dataset contour =
        new Dataset()
            .put(Tag.ContourGeometricType, "CLOSED_PLANAR")
            .putInt(Tag.NumberOfContourPoints, 2)
            .putDecimal(Tag.ContourData, 1.5, 2.25, -3, 4, 5, -3);
    Dataset roi =
        new Dataset()
            .putSequence(Tag.ContourSequence, contour, contour.copy())
            .putInt(Tag.ReferencedROINumber, 1);
    d.putSequence(Tag.ROIContourSequence, roi, new Dataset().putSequence(Tag.ContourSequence));
    d.putInt(Tag.Rows, 2).putInt(Tag.Columns, 3).putInt(Tag.BitsAllocated, 16);
    d.putAttributeTag(Tag.FrameIncrementPointer, Tag.GridFrameOffsetVector);
    d.putPixelData(new short[] {1, 2, 3, -4, 5, 6});
    return d;
  }

  @ParameterizedTest
  @EnumSource(SequenceLength.class)
  void explicitVrFileIsStructurallyValid(SequenceLength seq) {
    byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, seq).toBytes(sample());
    MiniParser p = new MiniParser(file);
    assertThat(p.metaGroupLength).isEqualTo(p.metaBytes);
    assertThat(p.transferSyntax).isEqualTo("1.2.840.10008.1.2.1");
    assertThat(p.meta.get(0).tag()).isEqualTo(0x00020001);
    assertThat(p.meta.get(0).value()).containsExactly(0, 1);
    MiniParser.checkValues(p);
    assertThat(p.first(Tag.SOPInstanceUID.number()).value())
        .containsExactly('1', '.', '2', '.', '3', '.', '4', '.', '5', 0);
    assertThat(p.first(Tag.PatientID.number()).text()).isEqualTo("ODD ");
    assertThat(p.first(Tag.AccessionNumber.number()).length()).isZero();
    assertThat(p.first(Tag.ImageType.number()).text()).isEqualTo("ORIGINAL\\PRIMARY\\AXIAL");
    assertThat(p.first(Tag.ImagePositionPatient.number()).text())
        .isEqualTo("-314.15926535898\\0.33333333333333\\0.000000000001");
    assertThat(p.first(Tag.FrameIncrementPointer.number()).value())
        .containsExactly(0x04, 0x30, 0x0C, 0x00);
    assertThat(p.elements.stream().filter(e -> e.tag() == Tag.ContourData.number())).hasSize(2);
    ByteBuffer px =
        ByteBuffer.wrap(p.first(Tag.PixelData.number()).value()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(px.getShort(6)).isEqualTo((short) -4);
    if (seq == SequenceLength.UNDEFINED) {
      assertThat(p.first(Tag.ROIContourSequence.number()).length()).isEqualTo(0xFFFFFFFFL);
    } else {
      assertThat(p.first(Tag.ROIContourSequence.number()).length()).isLessThan(0xFFFFFFFFL);
    }
  }

  @Test
  void undefinedLengthSequencesUseDelimiters() {
    byte[] file =
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, SequenceLength.UNDEFINED)
            .toBytes(
                new Dataset()
                    .put(Tag.SOPClassUID, "1.2")
                    .put(Tag.SOPInstanceUID, "1.2.3")
                    .putSequence(
                        Tag.ReferencedRTPlanSequence,
                        new Dataset().put(Tag.ReferencedSOPInstanceUID, "1.2")));
    byte[] body =
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, SequenceLength.UNDEFINED)
            .encodeDataset(
                new Dataset()
                    .putSequence(
                        Tag.ReferencedRTPlanSequence,
                        new Dataset().put(Tag.ReferencedSOPInstanceUID, "1.2")));
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getShort(0)).isEqualTo((short) 0x300C);
    assertThat(new String(body, 4, 2)).isEqualTo("SQ");
    assertThat(b.getInt(8)).isEqualTo(-1); // undefined
    assertThat(b.getInt(12)).isEqualTo(0xE000FFFE); // item tag (FFFE,E000) little endian
    assertThat(b.getInt(16)).isEqualTo(-1);
    int end = body.length;
    assertThat(b.getInt(end - 8)).isEqualTo(0xE0DDFFFE);
    assertThat(b.getInt(end - 4)).isZero();
    assertThat(b.getInt(end - 16)).isEqualTo(0xE00DFFFE);
    assertThat(new MiniParser(file).elements).isNotEmpty();
  }

  @Test
  void implicitVrHasNoVrButExplicitMeta() {
    byte[] file =
        new DicomWriter(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, SequenceLength.DEFINED)
            .toBytes(sample());
    MiniParser p = new MiniParser(file);
    assertThat(p.transferSyntax).isEqualTo("1.2.840.10008.1.2");
    MiniParser.checkValues(p);
    byte[] body =
        new DicomWriter(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, SequenceLength.DEFINED)
            .encodeDataset(new Dataset().put(Tag.Modality, "CT"));
    assertThat(body).containsExactly(0x08, 0, 0x60, 0, 2, 0, 0, 0, 'C', 'T');
  }

  @Test
  void rleTransferSyntaxEncapsulatesWithOffsetTable() {
    int[] px = new int[2 * 3 * 4];
    for (int i = 0; i < px.length; i++) {
      px[i] = i * 100_000_007;
    }
    Dataset d =
        new Dataset()
            .put(Tag.SOPClassUID, Uids.RT_DOSE_STORAGE)
            .put(Tag.SOPInstanceUID, "1.2.3")
            .putInt(Tag.SamplesPerPixel, 1)
            .put(Tag.NumberOfFrames, "4")
            .putInt(Tag.Rows, 2)
            .putInt(Tag.Columns, 3)
            .putInt(Tag.BitsAllocated, 32)
            .putPixelData(px);
    MiniParser p =
        new MiniParser(
            new DicomWriter(TransferSyntax.RLE_LOSSLESS, SequenceLength.DEFINED).toBytes(d));
    assertThat(p.transferSyntax).isEqualTo("1.2.840.10008.1.2.5");
    MiniParser.El pixel = p.first(Tag.PixelData.number());
    assertThat(pixel.vr()).isEqualTo("OB");
    List<byte[]> frags = pixel.fragments();
    assertThat(frags).hasSize(5);
    ByteBuffer bot = ByteBuffer.wrap(frags.get(0)).order(ByteOrder.LITTLE_ENDIAN);
    int offset = 0;
    ByteBuffer out = ByteBuffer.allocate(px.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int f = 0; f < 4; f++) {
      assertThat(bot.getInt(4 * f)).isEqualTo(offset);
      offset += 8 + frags.get(f + 1).length;
      out.put(RleCodecTest.decodeFrame(frags.get(f + 1), 2, 3, 4));
    }
    out.flip();
    for (int v : px) {
      assertThat(out.getInt()).isEqualTo(v);
    }
  }

  @Test
  void rejectsInvalidValues() {
    Dataset d = new Dataset();
    assertThatThrownBy(() -> d.put(Tag.SOPInstanceUID, "1.02"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.put(Tag.StationName, "x".repeat(17)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.put(Tag.PatientID, "a\\b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.putInt(Tag.Rows, 70_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.putDecimal(Tag.Rows, 1))
        .isInstanceOf(IllegalArgumentException.class);
    double[] many = new double[10_000];
    java.util.Arrays.fill(many, Math.PI);
    d.put(Tag.SOPClassUID, "1.2").put(Tag.SOPInstanceUID, "1.2").putDecimal(Tag.ContourData, many);
    assertThatThrownBy(() -> new DicomWriter().toBytes(d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16-bit length");
  }
}
