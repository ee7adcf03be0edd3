package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DicomReaderTest {

  private static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
  private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  private static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
  private static final String PYDICOM_DOSE_UID = "1.9.999.999.99.9.9999.9999.20030818153516";

  private final DicomReader reader = new DicomReader();

  @TempDir Path temp;

  // --- fixtures that must parse ---

  static Stream<Arguments> pydicomFiles() {
    return Stream.of(
        Arguments.of(
            "CT_small.dcm",
            SopClass.CT_IMAGE,
            "CT",
            "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322",
            EXPLICIT_VR_LITTLE_ENDIAN),
        Arguments.of(
            "rtstruct.dcm",
            SopClass.RT_STRUCTURE_SET,
            "RTSTRUCT",
            "1.2.826.0.1.3680043.8.498.2010020400001",
            DicomReader.IMPLICIT_VR_LITTLE_ENDIAN),
        Arguments.of(
            "rtplan.dcm",
            SopClass.RT_PLAN,
            "RTPLAN",
            "1.2.777.777.77.7.7777.7777.20030903150023",
            DicomReader.IMPLICIT_VR_LITTLE_ENDIAN),
        Arguments.of(
            "rtdose.dcm",
            SopClass.RT_DOSE,
            "RTDOSE",
            PYDICOM_DOSE_UID,
            DicomReader.IMPLICIT_VR_LITTLE_ENDIAN),
        Arguments.of(
            "rtdose_1frame.dcm",
            SopClass.RT_DOSE,
            "RTDOSE",
            PYDICOM_DOSE_UID,
            DicomReader.IMPLICIT_VR_LITTLE_ENDIAN),
        Arguments.of(
            "rtdose_expb.dcm",
            SopClass.RT_DOSE,
            "RTDOSE",
            PYDICOM_DOSE_UID,
            EXPLICIT_VR_BIG_ENDIAN),
        Arguments.of("rtdose_rle.dcm", SopClass.RT_DOSE, "RTDOSE", PYDICOM_DOSE_UID, RLE_LOSSLESS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pydicomFiles")
  void pydicomFixtureParsesWithItsIdentity(
      String file, SopClass sopClass, String modality, String sopInstanceUid, String transferSyntax)
      throws Exception {
    DicomObject object = reader.read(TestData.pydicom(file));

    assertThat(object.sopClass()).isEqualTo(sopClass);
    assertThat(object.sopClassUid()).isEqualTo(sopClass.uid());
    assertThat(object.sopInstanceUid()).isEqualTo(sopInstanceUid);
    assertThat(object.string(DicomTag.MODALITY)).contains(modality);
    assertThat(object.transferSyntaxUid()).isEqualTo(transferSyntax);
    assertThat(object.isItem()).isFalse();
    assertThat(object.path()).isEmpty();
  }

  @Test
  void everyPydicomFileIsCoveredByATest() throws IOException {
    List<String> covered = new ArrayList<>();
    pydicomFiles().forEach(arguments -> covered.add((String) arguments.get()[0]));
    covered.add("rtplan_truncated.dcm");
    try (Stream<Path> files = Files.list(TestData.dataDir().resolve("pydicom-rt"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dcm")))
          .containsExactlyInAnyOrderElementsOf(covered);
    }
  }

  @Test
  void nelmsPhantomStudyParsesAsOneStudyInOneFrameOfReference() throws Exception {
    List<DicomObject> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(TestData.dataDir().resolve("nelms-like"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList()) {
        objects.add(reader.read(file));
      }
    }

    assertThat(objects).hasSize(44);
    assertThat(objects).filteredOn(o -> o.sopClass() == SopClass.CT_IMAGE).hasSize(41);
    assertThat(objects)
        .extracting(DicomObject::sopClass)
        .contains(SopClass.RT_STRUCTURE_SET, SopClass.RT_PLAN, SopClass.RT_DOSE);
    for (DicomObject object : objects) {
      assertThat(object.string(DicomTag.STUDY_INSTANCE_UID))
          .contains(org.rtds.testdata.Fixtures.nelmsLikeManifest().studyInstanceUid());
      assertThat(object.string(DicomTag.PATIENT_ID)).contains("PH-NELMS-1");
      assertThat(object.string(DicomTag.MODALITY)).contains(object.sopClass().modality());
    }
    assertThat(objects)
        .filteredOn(o -> o.sopClass() != SopClass.RT_STRUCTURE_SET)
        .extracting(o -> o.string(DicomTag.FRAME_OF_REFERENCE_UID).orElseThrow())
        .containsOnly(org.rtds.testdata.Fixtures.nelmsLikeManifest().frameOfReferenceUid());
  }

  @Test
  void rtStructureSetRoisAndContoursAreReadable() throws Exception {
    DicomObject structureSet = reader.read(TestData.pydicom("rtstruct.dcm"));

    List<DicomObject> rois = structureSet.requiredSequence(DicomTag.STRUCTURE_SET_ROI_SEQUENCE);
    List<String> names = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (DicomObject roi : rois) {
      names.add(roi.requiredString(DicomTag.ROI_NAME));
      numbers.add(roi.requiredInt(DicomTag.ROI_NUMBER));
    }
    assertThat(names).containsExactly("patient", "Isocenter 1", "Isocenter 2");
    assertThat(numbers).containsExactly(1, 2, 3);

    List<List<Integer>> pointCounts = new ArrayList<>();
    List<Integer> referencedRois = new ArrayList<>();
    for (DicomObject roiContour : structureSet.requiredSequence(DicomTag.ROI_CONTOUR_SEQUENCE)) {
      referencedRois.add(roiContour.requiredInt(DicomTag.REFERENCED_ROI_NUMBER));
      List<Integer> counts = new ArrayList<>();
      for (DicomObject contour : roiContour.sequence(DicomTag.CONTOUR_SEQUENCE)) {
        int points = contour.requiredInt(DicomTag.NUMBER_OF_CONTOUR_POINTS);
        assertThat(contour.doubles(DicomTag.CONTOUR_DATA)).hasSize(3 * points);
        counts.add(points);
      }
      pointCounts.add(counts);
    }
    assertThat(referencedRois).containsExactly(1, 2, 3);
    assertThat(pointCounts).containsExactly(List.of(5, 6, 6), List.of(1), List.of(1));

    DicomObject firstContour =
        structureSet
            .sequence(DicomTag.ROI_CONTOUR_SEQUENCE)
            .get(0)
            .sequence(DicomTag.CONTOUR_SEQUENCE)
            .get(0);
    assertThat(firstContour.string(DicomTag.CONTOUR_GEOMETRIC_TYPE)).contains("CLOSED_PLANAR");
    assertThat(firstContour.path()).isEqualTo("ROIContourSequence item 1 > ContourSequence item 1");
    assertThat(firstContour.sopClass()).isEqualTo(SopClass.RT_STRUCTURE_SET);
    assertThat(firstContour.transferSyntaxUid()).isEqualTo(DicomReader.IMPLICIT_VR_LITTLE_ENDIAN);

    List<String> interpretedTypes = new ArrayList<>();
    for (DicomObject observation : structureSet.sequence(DicomTag.RT_ROI_OBSERVATIONS_SEQUENCE)) {
      interpretedTypes.add(observation.requiredString(DicomTag.RT_ROI_INTERPRETED_TYPE));
    }
    assertThat(interpretedTypes).containsExactly("EXTERNAL", "ISOCENTER", "ISOCENTER");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rtdose.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm"})
  void rtDoseGridDescriptionIsReadable(String file) throws Exception {
    DicomObject dose = reader.read(TestData.pydicom(file));

    assertThat(dose.string(DicomTag.DOSE_UNITS)).contains("RELATIVE");
    assertThat(dose.string(DicomTag.DOSE_TYPE)).contains("PHYSICAL");
    assertThat(dose.string(DicomTag.DOSE_SUMMATION_TYPE)).contains("BEAM");
    assertThat(dose.requiredDouble(DicomTag.DOSE_GRID_SCALING)).isEqualTo(1.0e-6);
    double[] offsets = dose.doubles(DicomTag.GRID_FRAME_OFFSET_VECTOR);
    assertThat(offsets).hasSize(15);
    for (int i = 0; i < offsets.length; i++) {
      assertThat(offsets[i]).isCloseTo(5.0 * i, within(1e-9));
    }
    assertThat(dose.requiredInt(DicomTag.NUMBER_OF_FRAMES)).isEqualTo(15);
    assertThat(dose.requiredInt(DicomTag.ROWS)).isEqualTo(10);
    assertThat(dose.requiredInt(DicomTag.COLUMNS)).isEqualTo(10);
    assertThat(dose.requiredInt(DicomTag.BITS_ALLOCATED)).isEqualTo(32);
    assertThat(dose.requiredInt(DicomTag.PIXEL_REPRESENTATION)).isZero();
    assertThat(dose.doubles(DicomTag.PIXEL_SPACING)).containsExactly(10.0, 10.0);
    assertThat(dose.doubles(DicomTag.IMAGE_POSITION_PATIENT))
        .containsExactly(189.43125, 199.43125, -761.87);
    assertThat(dose.doubles(DicomTag.IMAGE_ORIENTATION_PATIENT))
        .containsExactly(1.0, 0.0, 0.0, 0.0, 1.0, 0.0);
    assertThat(dose.contains(DicomTag.PIXEL_DATA)).isTrue();
  }

  @Test
  void thirtyTwoBitRleDoseIsReadWithoutDecompressing() throws Exception {
    DicomObject dose = reader.read(TestData.pydicom("rtdose_rle.dcm"));

    assertThat(dose.transferSyntaxUid()).isEqualTo(RLE_LOSSLESS);
    assertThat(dose.requiredInt(DicomTag.BITS_ALLOCATED)).isEqualTo(32);
    // Encapsulated frames stay as stored: the library keeps them undecoded.
    assertThat(dose.attributeList().getPixelData().getVL()).isEqualTo(0xFFFFFFFFL);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rtdose_rle.dcm", "rtdose.dcm"})
  void absurdNumberOfFramesIsRejectedBeforeTheLibraryAllocatesForIt(String source)
      throws Exception {
    // For encapsulated pixel data the library would allocate an array of 2 000 000 000 frames.
    Path file =
        TestFiles.rewrite(
            TestData.pydicom(source),
            temp.resolve("frames-" + source),
            null,
            list -> {
              var frames = new IntegerStringAttribute(TagFromName.NumberOfFrames);
              frames.addValue("2000000000");
              list.put(frames);
            });

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.TOO_LARGE))
        .hasMessageEndingWith(
            "NumberOfFrames (0028,0008) is 2000000000, more than the 100000 frames RTDS reads");
  }

  @Test
  void sequenceThatAWriterStoredAsUnknownVrIsDecoded() throws Exception {
    // GDCM wrote ReferencedRTPlanSequence of rtdose_rle.dcm with VR UN.
    DicomObject rle = reader.read(TestData.pydicom("rtdose_rle.dcm"));
    DicomObject plain = reader.read(TestData.pydicom("rtdose.dcm"));
    assertThat(rle.attributeList().get(new AttributeTag(0x300C, 0x0002)).getVRAsString())
        .isEqualTo("UN");

    DicomObject reference = rle.requiredSequence(DicomTag.REFERENCED_RT_PLAN_SEQUENCE).get(0);

    assertThat(reference.requiredString(DicomTag.REFERENCED_SOP_INSTANCE_UID))
        .isEqualTo("1.2.123.456.78.9.0123.4567.89012345678901")
        .isEqualTo(
            plain
                .requiredSequence(DicomTag.REFERENCED_RT_PLAN_SEQUENCE)
                .get(0)
                .requiredString(DicomTag.REFERENCED_SOP_INSTANCE_UID));
    assertThat(reference.string(DicomTag.REFERENCED_SOP_CLASS_UID))
        .contains(SopClass.RT_PLAN.uid());
    assertThat(
            reference
                .requiredSequence(DicomTag.REFERENCED_FRACTION_GROUP_SEQUENCE)
                .get(0)
                .requiredInt(DicomTag.REFERENCED_FRACTION_GROUP_NUMBER))
        .isEqualTo(1);
  }

  @Test
  void rtPlanPrescriptionIsReadable() throws Exception {
    DicomObject plan = reader.read(TestData.pydicom("rtplan.dcm"));

    List<DicomObject> doseReferences = plan.requiredSequence(DicomTag.DOSE_REFERENCE_SEQUENCE);
    assertThat(doseReferences).hasSize(2);
    DicomObject target = doseReferences.get(1);
    assertThat(target.string(DicomTag.DOSE_REFERENCE_TYPE)).contains("TARGET");
    assertThat(target.optionalDouble(DicomTag.TARGET_PRESCRIPTION_DOSE)).hasValue(30.826203);
    assertThat(doseReferences.get(0).optionalDouble(DicomTag.TARGET_PRESCRIPTION_DOSE)).isEmpty();
    assertThat(doseReferences.get(0).doubles(DicomTag.DOSE_REFERENCE_POINT_COORDINATES))
        .containsExactly(239.53125, 239.53125, -741.87);

    DicomObject fractionGroup = plan.requiredSequence(DicomTag.FRACTION_GROUP_SEQUENCE).get(0);
    assertThat(fractionGroup.requiredInt(DicomTag.NUMBER_OF_FRACTIONS_PLANNED)).isEqualTo(30);
    assertThat(fractionGroup.requiredInt(DicomTag.NUMBER_OF_BEAMS)).isEqualTo(1);

    assertThat(
            plan.requiredSequence(DicomTag.REFERENCED_STRUCTURE_SET_SEQUENCE)
                .get(0)
                .requiredString(DicomTag.REFERENCED_SOP_INSTANCE_UID))
        .isEqualTo("1.2.333.444.55.6.7777.88888");
  }

  @Test
  void nelmsPlanDoseAndStructuresAreReadable() throws Exception {
    DicomObject plan = reader.read(TestData.nelms("RP.dcm"));
    DicomObject dose = reader.read(TestData.nelms("RD.dcm"));
    DicomObject structures = reader.read(TestData.nelms("RS.dcm"));

    DicomObject target = plan.requiredSequence(DicomTag.DOSE_REFERENCE_SEQUENCE).get(0);
    assertThat(target.requiredDouble(DicomTag.TARGET_PRESCRIPTION_DOSE)).isEqualTo(28.0);
    assertThat(
            plan.requiredSequence(DicomTag.FRACTION_GROUP_SEQUENCE)
                .get(0)
                .requiredInt(DicomTag.NUMBER_OF_FRACTIONS_PLANNED))
        .isEqualTo(35);

    assertThat(dose.string(DicomTag.DOSE_UNITS)).contains("GY");
    assertThat(dose.requiredDouble(DicomTag.DOSE_GRID_SCALING)).isEqualTo(8e-9);
    assertThat(dose.doubles(DicomTag.GRID_FRAME_OFFSET_VECTOR))
        .hasSize(dose.requiredInt(DicomTag.NUMBER_OF_FRAMES));

    List<String> names = new ArrayList<>();
    for (DicomObject roi : structures.requiredSequence(DicomTag.STRUCTURE_SET_ROI_SEQUENCE)) {
      names.add(roi.requiredString(DicomTag.ROI_NAME));
    }
    assertThat(names).containsExactlyInAnyOrder("BODY", "PTV", "Cyl_Par", "Cyl_Perp", "Cone_Par");
  }

  @Test
  void readingFromAStreamConsumesItButLeavesItOpen() throws Exception {
    byte[] bytes = Files.readAllBytes(TestData.pydicom("rtplan.dcm"));
    boolean[] closed = {false};
    InputStream stream =
        new FilterInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          public void close() throws IOException {
            closed[0] = true;
            super.close();
          }
        };

    DicomObject plan = reader.read(stream);

    assertThat(plan.sopClass()).isEqualTo(SopClass.RT_PLAN);
    assertThat(stream.read()).isEqualTo(-1);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void deflatedObjectIsRead(@TempDir Path dir) throws Exception {
    Path deflated =
        TestFiles.rewrite(
            TestData.nelms("RS.dcm"),
            dir.resolve("RS_deflated.dcm"),
            TransferSyntax.DeflatedExplicitVRLittleEndian,
            list -> {});
    assertThat(Files.size(deflated)).isLessThan(Files.size(TestData.nelms("RS.dcm")) / 2);

    DicomObject structures = reader.read(deflated);

    assertThat(structures.transferSyntaxUid())
        .isEqualTo(DicomReader.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    assertThat(structures.requiredSequence(DicomTag.ROI_CONTOUR_SEQUENCE)).hasSize(5);
  }

  // --- truncated and malformed input ---

  @Test
  void truncatedPlanIsRejectedAsTruncated() {
    Path file = TestData.pydicom("rtplan_truncated.dcm");

    DicomParseException e =
        catchThrowableOfType(() -> reader.read(file), DicomParseException.class);

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(DicomParseException.Reason.TRUNCATED);
    assertThat(e.getMessage())
        .startsWith(file + ": ")
        .contains("truncated")
        .endsWith(
            "truncated DICOM data: the input ends inside BeamSequence (300A,00B0) or one of its"
                + " items, which starts at byte 1410; the input has 2129 bytes");
  }

  /**
   * File, where to cut it (a byte count; negative: that many bytes before the end; {@code half}),
   * and what the message must name.
   */
  static Stream<Arguments> truncations() {
    return Stream.of(
        Arguments.of("RS.dcm", "140", "FileMetaInformationGroupLength (0002,0000)"),
        Arguments.of("RS.dcm", "200", "(0002,"),
        Arguments.of("RS.dcm", "2000", "ReferencedFrameOfReferenceSequence (3006,0010)"),
        Arguments.of("RS.dcm", "half", "ROIContourSequence (3006,0039)"),
        Arguments.of("RS.dcm", "-1", "ApprovalStatus (300E,0002)"),
        Arguments.of("RD.dcm", "-1000", "PixelData (7FE0,0010)"),
        Arguments.of("CT.0021.dcm", "-1", "PixelData (7FE0,0010)"));
  }

  @ParameterizedTest(name = "{0} cut at {1}")
  @MethodSource("truncations")
  void truncatedCopiesAreRejectedAsTruncated(String file, String at, String where)
      throws Exception {
    Path source = TestData.nelms(file);
    long size = Files.size(source);
    long length =
        at.equals("half")
            ? size / 2
            : at.startsWith("-") ? size + Long.parseLong(at) : Long.parseLong(at);
    Path cut = TestFiles.truncate(source, temp.resolve("cut-" + length + "-" + file), length);

    DicomParseException e = catchThrowableOfType(() -> reader.read(cut), DicomParseException.class);

    assertThat(e).as("%s cut to %d bytes must be rejected", file, length).isNotNull();
    assertThat(e.reason()).isEqualTo(DicomParseException.Reason.TRUNCATED);
    assertThat(e.getMessage()).contains("truncated").contains(where);
  }

  /**
   * PixelMed asks its input for a whole value in one read, whatever length the object declares, and
   * the JDK reads a file into a heap array through a temporary direct buffer of the requested size
   * that each thread keeps for reuse. A fuzzed structure set whose one wrong length made the
   * library take contour text for a tag and 835 MiB for a length left that much outside the heap on
   * the thread that read it: 1.6 GiB of direct buffers after 2,700 uploads in issue 14's memory
   * soak. The reader asks for at most {@link DicomReader#MAX_READ_BYTES} at a time; here a CT
   * carries a 24 MiB private OB value, which the library requests in one read.
   */
  @Test
  void aLargeValueIsReadInBoundedPiecesAndCostsNoDirectMemory() throws Exception {
    Path source = TestData.nelms("CT.0001.dcm");
    byte[] bytes = Files.readAllBytes(source);
    int pixelData = pixelDataHeader(bytes);
    int length = 24 * 1024 * 1024;
    ByteBuffer privateValue =
        ByteBuffer.allocate(12 + 12 + length)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putShort((short) 0x7FDF) // (7FDF,0010) LO "RTDS": the private creator
            .putShort((short) 0x0010)
            .put(new byte[] {'L', 'O'})
            .putShort((short) 4)
            .put(new byte[] {'R', 'T', 'D', 'S'})
            .putShort((short) 0x7FDF) // (7FDF,1000) OB, 24 MiB of zeros
            .putShort((short) 0x1000)
            .put(new byte[] {'O', 'B', 0, 0})
            .putInt(length);
    Path file = temp.resolve("ct-with-24-mib-private-value.dcm");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(bytes, 0, pixelData);
      out.write(privateValue.array());
      out.write(bytes, pixelData, bytes.length - pixelData);
    }
    int[] largestRequest = new int[1];
    InputStream recording =
        new FilterInputStream(Files.newInputStream(file)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            largestRequest[0] = Math.max(largestRequest[0], len);
            return super.read(b, off, len);
          }
        };
    BufferPoolMXBean direct =
        ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct"))
            .findFirst()
            .orElseThrow();

    try (recording) {
      assertThat(reader.read(recording).sopInstanceUid()).isNotBlank();
    }
    long before = direct.getTotalCapacity();
    assertThat(reader.read(file).sopInstanceUid()).isNotBlank();

    assertThat(largestRequest[0]).isLessThanOrEqualTo(DicomReader.MAX_READ_BYTES);
    assertThat(direct.getTotalCapacity() - before)
        .as("direct buffer bytes this thread keeps after reading the file")
        .isLessThanOrEqualTo(DicomReader.MAX_READ_BYTES);
  }

  /** Where a CT's Pixel Data (7FE0,0010) OW element starts, in explicit VR little endian. */
  private static int pixelDataHeader(byte[] bytes) {
    int header =
        TestFiles.indexOf(bytes, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0});
    assertThat(header).isPositive();
    return header;
  }

  @Test
  void cutRightAfterThePixelDataHeaderIsRejected() throws Exception {
    // The library reads the header, fails on the missing value, logs, and returns having consumed
    // every byte.
    Path source = TestData.nelms("CT.0001.dcm");
    byte[] bytes = Files.readAllBytes(source);
    int header = pixelDataHeader(bytes);
    Path cut = TestFiles.truncate(source, temp.resolve("ct-no-pixels.dcm"), header + 12);

    assertThatThrownBy(() -> reader.read(cut))
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.TRUNCATED))
        .hasMessageContaining("PixelData (7FE0,0010)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.2"})
  void theToolsReaderTakesACtsAttributesWithoutItsPixelsAndEveryOtherObjectWhole(String syntax)
      throws Exception {
    Path ct =
        TestFiles.rewrite(TestData.nelms("CT.0001.dcm"), temp.resolve("ct.dcm"), syntax, l -> {});
    DicomObject whole = reader.read(ct);
    DicomObject headers = DicomReader.withoutCtPixelData().read(ct);
    for (DicomTag tag :
        List.of(
            DicomTag.SOP_INSTANCE_UID,
            DicomTag.IMAGE_POSITION_PATIENT,
            DicomTag.PIXEL_SPACING,
            DicomTag.ROWS,
            DicomTag.COLUMNS)) {
      assertThat(headers.strings(tag)).as(tag.keyword()).isNotEmpty().isEqualTo(whole.strings(tag));
    }
    assertThat(whole.pixelFrames().numberOfFrames()).isEqualTo(1);
    assertThatThrownBy(headers::pixelFrames)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without its pixel data");
    // an RT Dose's grid is its pixel data: read whole
    DicomObject dose = DicomReader.withoutCtPixelData().read(TestData.nelms("RD.dcm"));
    assertThat(dose.pixelFrames().numberOfFrames()).isPositive();

    long size = Files.size(ct);
    for (long cut : new long[] {size - 1, size - 4096, size - 20_000}) {
      Path truncated = TestFiles.truncate(ct, temp.resolve("ct-" + cut + ".dcm"), cut);
      assertThatThrownBy(() -> DicomReader.withoutCtPixelData().read(truncated))
          .as("cut at %d of %d", cut, size)
          .isInstanceOfSatisfying(
              DicomParseException.class,
              e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.TRUNCATED))
          .hasMessageContaining("inside PixelData (7FE0,0010)");
    }
  }

  @Test
  void truncatedDeflatedObjectIsRejected(@TempDir Path dir) throws Exception {
    Path deflated =
        TestFiles.rewrite(
            TestData.nelms("RS.dcm"),
            dir.resolve("RS_deflated.dcm"),
            TransferSyntax.DeflatedExplicitVRLittleEndian,
            list -> {});
    long size = Files.size(deflated);

    for (long length : new long[] {400, 3000, size / 2, size - 1}) {
      Path cut = TestFiles.truncate(deflated, dir.resolve("cut-" + length + ".dcm"), length);
      assertThatThrownBy(() -> reader.read(cut))
          .as("deflated RS cut to %d of %d bytes", length, size)
          .isInstanceOfSatisfying(
              DicomParseException.class,
              e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.TRUNCATED))
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void garbageAfterAPart10HeaderIsRejectedAndNeverAccepted() throws Exception {
    // Slower than it looks: the library allocates the declared (random, up to ~2 GB) value length
    // before it finds that the input is shorter.
    Random random = new Random(20220618);
    for (int run = 0; run < 8; run++) {
      byte[] bytes = new byte[132 + 2000];
      random.nextBytes(bytes);
      System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, bytes, 128, 4);
      Path file = Files.write(temp.resolve("garbage-" + run + ".dcm"), bytes);

      assertThatThrownBy(() -> reader.read(file))
          .as("run %d", run)
          .isInstanceOf(DicomParseException.class);
    }
  }

  // --- not DICOM ---

  @Test
  void textFileIsNotDicom() throws Exception {
    Path text =
        Files.writeString(
            temp.resolve("notes.txt"), "hello, this is a text file\nwith two lines\n");

    assertNotDicom(text).contains("first bytes: 68 65 6C 6C 6F 2C 20 74 'hello, t'");
  }

  @Test
  void emptyFileIsNotDicom() throws Exception {
    Path empty = Files.createFile(temp.resolve("empty.dcm"));

    assertNotDicom(empty).contains("empty");
  }

  @Test
  void randomBytesAreNotDicom() throws Exception {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    bytes[0] = 0x17; // the group of a data set without preamble would be 0002 or 0008
    Path random = Files.write(temp.resolve("random.bin"), bytes);

    assertNotDicom(random);
  }

  @Test
  void tinyFileIsNotDicom() throws Exception {
    Path tiny = Files.write(temp.resolve("tiny.dcm"), new byte[] {8, 0});

    assertNotDicom(tiny).contains("too short");
  }

  private org.assertj.core.api.AbstractStringAssert<?> assertNotDicom(Path file) {
    DicomParseException e =
        catchThrowableOfType(() -> reader.read(file), DicomParseException.class);
    assertThat(e).as("%s must be rejected", file.getFileName()).isNotNull();
    assertThat(e.reason()).isEqualTo(DicomParseException.Reason.NOT_DICOM);
    return assertThat(e.getMessage()).contains("not a DICOM file");
  }

  // --- identity checks ---

  @Test
  void missingSopInstanceUidIsRejectedNamingIt() throws Exception {
    Path file =
        TestFiles.rewrite(
            TestData.pydicom("CT_small.dcm"),
            temp.resolve("no-sop-instance.dcm"),
            null,
            list -> list.remove(TagFromName.SOPInstanceUID));

    DicomParseException e =
        catchThrowableOfType(() -> reader.read(file), DicomParseException.class);

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(DicomParseException.Reason.MISSING_ATTRIBUTE);
    assertThat(e.getMessage())
        .contains("missing or empty required attribute SOPInstanceUID (0008,0018)")
        .contains("CT Image");
  }

  @Test
  void allMissingIdentifyingAttributesAreNamed() throws Exception {
    Path file =
        TestFiles.rewrite(
            TestData.pydicom("rtdose.dcm"),
            temp.resolve("anonymous.dcm"),
            null,
            list -> {
              list.remove(TagFromName.PatientID);
              list.remove(TagFromName.Modality);
              // present but empty counts as missing
              list.remove(TagFromName.SeriesInstanceUID);
              list.put(new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID));
            });

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DicomParseException.class)
        .hasMessageContaining(
            "attributes SeriesInstanceUID (0020,000E), PatientID (0010,0020), Modality"
                + " (0008,0060)");
  }

  @Test
  void missingSopClassUidIsNamed() throws Exception {
    Path file =
        TestFiles.rewrite(
            TestData.pydicom("rtplan.dcm"),
            temp.resolve("no-sop-class.dcm"),
            null,
            list -> list.remove(TagFromName.SOPClassUID));

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOfSatisfying(
            DicomParseException.class,
            e -> assertThat(e.reason()).isEqualTo(DicomParseException.Reason.MISSING_ATTRIBUTE))
        .hasMessageContaining("SOPClassUID (0008,0016)");
  }

  @Test
  void unsupportedSopClassIsRejectedListingTheAcceptedOnes() throws Exception {
    String mrImageStorage = "1.2.840.10008.5.1.4.1.1.4";
    Path file =
        TestFiles.rewrite(
            TestData.pydicom("CT_small.dcm"),
            temp.resolve("mr.dcm"),
            null,
            list -> {
              list.remove(TagFromName.SOPClassUID);
              UniqueIdentifierAttribute sopClass =
                  new UniqueIdentifierAttribute(TagFromName.SOPClassUID);
              sopClass.addValue(mrImageStorage);
              list.put(sopClass);
              list.remove(TagFromName.PatientID); // the SOP class is the more useful complaint
            });

    DicomParseException e =
        catchThrowableOfType(() -> reader.read(file), DicomParseException.class);

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(DicomParseException.Reason.UNSUPPORTED_SOP_CLASS);
    assertThat(e.getMessage())
        .contains("unsupported SOP class " + mrImageStorage + " (MR Image Storage)")
        .contains("CT Image (1.2.840.10008.5.1.4.1.1.2)")
        .contains("RT Structure Set (1.2.840.10008.5.1.4.1.1.481.3)")
        .contains("RT Plan (1.2.840.10008.5.1.4.1.1.481.5)")
        .contains("RT Ion Plan (1.2.840.10008.5.1.4.1.1.481.8)")
        .contains("RT Dose (1.2.840.10008.5.1.4.1.1.481.2)");
  }

  // --- input failures ---

  @Test
  void missingFileIsAnIoProblem() {
    assertThatThrownBy(() -> reader.read(temp.resolve("absent.dcm")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void failingStreamIsAnIoProblemNotAParseProblem() throws Exception {
    byte[] bytes = Files.readAllBytes(TestData.nelms("RS.dcm"));
    IOException failure = new IOException("disk on fire");
    InputStream failing =
        new FilterInputStream(new ByteArrayInputStream(bytes)) {
          private int served;

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (served > 100_000) {
              throw failure;
            }
            int n = super.read(buffer, offset, Math.min(length, 4096));
            served += Math.max(n, 0);
            return n;
          }
        };

    assertThatThrownBy(() -> reader.read(failing)).isSameAs(failure);
  }
}
