package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.domain.rt.ContourPoints;
import org.rtds.domain.rt.DoseImageData;
import org.rtds.domain.schema.SchemaMigrator;
import org.rtds.domain.testing.TestDatabase;
import org.rtds.domain.testing.TestPersistence;
import org.rtds.ingest.control.ContentAddressedStore.StoredFile;
import org.rtds.ingest.control.ParsedInstance.Header;
import org.rtds.ingest.control.ParsedInstance.StructureSet;
import org.rtds.ingest.dicom.DicomObject;
import org.rtds.ingest.dicom.DicomReader;
import org.rtds.ingest.dicom.DicomTag;
import org.rtds.ingest.dicom.PixelFrames;
import org.rtds.ingest.dicom.TestData;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.IngestStatus;

/**
 * The whole ingestion of real files into a MariaDB database: completeness against the files,
 * idempotency, conflicting content, arrival order, frame-of-reference checks, account scoping and
 * concurrent senders.
 */
class IngestPipelineIT {

  private static TestDatabase database;
  private static EntityManagerFactory factory;
  private static int hospitalA;
  private static int hospitalB;

  @TempDir static Path dataDir;

  private static ContentAddressedStore store;
  private static IngestPipeline pipeline;

  @BeforeAll
  static void setUp() {
    database = TestDatabase.create("ingest_pipeline");
    new SchemaMigrator(database.dataSource()).migrate();
    factory = TestPersistence.createEntityManagerFactory(database);
    hospitalA = account("hospital_a");
    hospitalB = account("hospital_b");
    FileStoreDirectory.prepare(dataDir);
    store = new ContentAddressedStore(dataDir);
    pipeline = new IngestPipeline(store, new ResourceLocalTransactions(factory));
  }

  @AfterAll
  static void tearDown() {
    if (factory != null) {
      factory.close();
    }
    database.close();
  }

  @Test
  void aWholeStudyIsStoredCompletelyAndASecondPushChangesNothing() throws Exception {
    List<Path> files = nelmsFiles();
    // arrival order is arbitrary: dose and structure set before the CT, slices reversed
    List<Path> order = new ArrayList<>(files);
    Collections.reverse(order);
    int account = account("hospital_whole");
    IngestOrigin origin = new IngestOrigin(account, IngestChannel.REST, "test");

    for (Path file : order) {
      IngestOutcome outcome = ingest(file, origin);
      assertThat(outcome.status()).as(file.toString()).isEqualTo(IngestStatus.STORED);
    }
    String study = studyUid();
    Map<String, Long> counts = countsOf(study, account);
    assertThat(counts.get("ct_images")).isEqualTo(41);
    assertThat(counts.get("rtds_object")).isEqualTo(44);

    checkStructureSetAgainstFile(account);
    checkDoseAgainstFile(account);
    List<Map<String, Object>> plan =
        database.query(
            "select PrescriptionDoseGy, NumberOfFractionsPlanned from rt_plan where fk_user_id_id = ?",
            account);
    assertThat(plan).hasSize(1);
    assertThat(((Number) plan.get(0).get("PrescriptionDoseGy")).doubleValue()).isPositive();
    List<Map<String, Object>> job =
        database.query(
            "select j.Status, j.Detail, j.RequestedGeneration from rtds_feature_job j join studies"
                + " s on s.id = j.fk_study_id_id where s.fk_user_id_id = ?",
            account);
    assertThat(job).hasSize(1);
    assertThat(job.get(0).get("Status")).isEqualTo("PENDING");
    assertThat((String) job.get(0).get("Detail")).startsWith("inputs complete");
    assertThat(((Number) job.get(0).get("RequestedGeneration")).intValue()).isEqualTo(44);

    // every file's bytes are in the store exactly once, by content
    for (Path file : files) {
      List<Map<String, Object>> rows =
          database.query(
              "select FilePath from rtds_object where fk_user_id_id = ? and SOPInstanceUID = ?",
              account,
              new DicomReader().read(file).sopInstanceUid());
      assertThat(rows).hasSize(1);
      assertThat(store.resolve((String) rows.get(0).get("FilePath"))).hasSameBinaryContentAs(file);
    }

    // the same push again: duplicates, nothing new
    for (Path file : files) {
      assertThat(ingest(file, origin).status()).isEqualTo(IngestStatus.DUPLICATE);
    }
    assertThat(countsOf(study, account)).isEqualTo(counts);
  }

  @Test
  void anotherHospitalsCopyIsAnotherPatientNeverMerged() throws Exception {
    ingest(TestData.nelms("CT.0001.dcm"), new IngestOrigin(hospitalB, IngestChannel.DIMSE, "B"));
    ingest(TestData.nelms("CT.0001.dcm"), new IngestOrigin(hospitalA, IngestChannel.DIMSE, "A"));
    List<Map<String, Object>> patients =
        database.query(
            "select distinct fk_user_id_id from patients where PatientID = ? and fk_user_id_id in"
                + " (?, ?)",
            new DicomReader().read(TestData.nelms("CT.0001.dcm")).string(DicomTag.PATIENT_ID).get(),
            hospitalA,
            hospitalB);
    assertThat(patients).hasSize(2);
  }

  @Test
  void correctedContentUnderTheSameUidIsRejectedAndKeptAside() throws Exception {
    IngestOrigin origin = new IngestOrigin(hospitalB, IngestChannel.REST, "conflict");
    Path original = TestData.pydicom("rtplan.dcm");
    assertThat(ingest(original, origin).status()).isIn(IngestStatus.STORED, IngestStatus.DUPLICATE);
    // a corrected prescription: same object, other content
    byte[] changed = replace(Files.readAllBytes(original), "30.8262030000000", "32.0000000000000");
    Path corrected = dataDir.resolve("corrected-rtplan.dcm");
    Files.write(corrected, changed);

    IngestOutcome outcome = ingest(corrected, origin);

    assertThat(outcome.status()).isEqualTo(IngestStatus.REJECTED);
    assertThat(outcome.reasonCode()).isEqualTo("CONFLICT");
    assertThat(outcome.reason()).contains("different content").contains("keeps the first version");
    List<Map<String, Object>> rejection =
        database.query(
            "select FilePath, ReasonCode from rtds_rejection where SOPInstanceUID = ?",
            outcome.sopInstanceUid());
    assertThat(rejection).isNotEmpty();
    assertThat(store.resolve((String) rejection.get(0).get("FilePath")))
        .hasSameBinaryContentAs(corrected);
  }

  @Test
  void theSameObjectInAnotherTransferSyntaxIsADuplicateAndItsBytesAreNotKept() throws Exception {
    int account = account("hospital_transcoded");
    IngestOrigin origin = new IngestOrigin(account, IngestChannel.DIMSE, "router");
    assertThat(ingest(TestData.pydicom("rtdose.dcm"), origin).status())
        .isEqualTo(IngestStatus.STORED);

    // implicit little endian, explicit big endian, RLE: one object, three encodings
    for (String name : List.of("rtdose_expb.dcm", "rtdose_rle.dcm")) {
      assertThat(ingest(TestData.pydicom(name), origin).status())
          .as(name)
          .isEqualTo(IngestStatus.DUPLICATE);
      ContentAddressedStore.SpooledFile hashed =
          store.spool(TestData.pydicom(name), Long.MAX_VALUE);
      store.discard(hashed);
      String sha = hashed.sha256();
      assertThat(store.resolve(ContentAddressedStore.relativePath(sha))).doesNotExist();
    }
    assertThat(count("select count(*) as n from rt_dose where fk_user_id_id = ?", account))
        .isEqualTo(1);
  }

  @Test
  void unreadableAndTruncatedFilesAreRejectedWithTheirReasonAndKept() throws Exception {
    IngestOrigin origin = new IngestOrigin(hospitalB, IngestChannel.REST, "bad");
    Path notDicom = dataDir.resolve("notes.txt");
    Files.writeString(notDicom, "this is not a DICOM file");

    IngestOutcome text = ingest(notDicom, origin);
    IngestOutcome truncated = ingest(TestData.pydicom("rtplan_truncated.dcm"), origin);

    assertThat(text.status()).isEqualTo(IngestStatus.REJECTED);
    assertThat(text.reasonCode()).isEqualTo("NOT_DICOM");
    assertThat(truncated.status()).isEqualTo(IngestStatus.REJECTED);
    assertThat(truncated.reasonCode()).isEqualTo("TRUNCATED");
    assertThat(truncated.reason()).doesNotContain(dataDir.toString());
    assertThat(database.query("select ReasonCode from rtds_rejection where Channel = 'REST'"))
        .extracting(row -> row.get("ReasonCode"))
        .contains("NOT_DICOM", "TRUNCATED");
  }

  @Test
  void contoursInAnotherFrameOfReferenceThanTheStudysCtAreRejected() throws Exception {
    int account = account("hospital_for");
    IngestOrigin origin = new IngestOrigin(account, IngestChannel.REST, "for");
    ingest(TestData.nelms("CT.0001.dcm"), origin);
    DicomObject object = new DicomReader().read(TestData.nelms("RS.dcm"));
    StructureSet parsed = (StructureSet) new RtObjectMapper().map(object);
    Header header = parsed.header();
    StructureSet moved =
        new StructureSet(
            new Header(
                header.sopClass(),
                header.sopInstanceUid(),
                header.transferSyntaxUid(),
                header.modality(),
                java.util.Optional.of("1.2.3.999"),
                header.patient(),
                header.study(),
                header.series()),
            parsed.label(),
            parsed.referencedSeriesInstanceUid(),
            parsed.rois());
    StoredFile file = store.keep(store.spool(TestData.nelms("RS.dcm"), Long.MAX_VALUE));

    WriteResult result = new ResourceLocalTransactions(factory).write(moved, file, origin);

    assertThat(result.status()).isEqualTo(IngestStatus.REJECTED);
    assertThat(result.reasonCode()).isEqualTo("FRAME_OF_REFERENCE");
    assertThat(result.reason()).contains("1.2.3.999").contains("contradicts its study's CT");
    assertThat(
            database.query(
                "select count(*) as n from rt_structureset where fk_user_id_id = ?", account))
        .extracting(row -> ((Number) row.get("n")).intValue())
        .containsExactly(0);
  }

  @Test
  void eightSendersPushingTheSameStudyAtOnceEndWithOneCopy() throws Exception {
    int account = account("hospital_race");
    List<Path> files = nelmsFiles();
    int senders = 8;
    ExecutorService executor = Executors.newFixedThreadPool(senders);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<IngestStatus>>> results = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        List<Path> order = new ArrayList<>(files);
        Collections.shuffle(order, new java.util.Random(s));
        IngestOrigin origin = new IngestOrigin(account, IngestChannel.DIMSE, "SENDER" + s);
        Callable<List<IngestStatus>> sender =
            () -> {
              start.await();
              List<IngestStatus> statuses = new ArrayList<>();
              for (Path file : order) {
                statuses.add(ingest(file, origin).status());
              }
              return statuses;
            };
        results.add(executor.submit(sender));
      }
      start.countDown();
      Map<IngestStatus, Long> tally =
          results.stream()
              .flatMap(f -> uncheckedGet(f).stream())
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(tally.get(IngestStatus.STORED)).isEqualTo(files.size());
      assertThat(tally.get(IngestStatus.DUPLICATE)).isEqualTo((long) files.size() * (senders - 1));
      assertThat(tally).doesNotContainKey(IngestStatus.REJECTED);
    } finally {
      executor.shutdownNow();
    }
    Map<String, Long> counts = countsOf(studyUid(), account);
    assertThat(counts.get("patients")).isEqualTo(1);
    assertThat(counts.get("studies")).isEqualTo(1);
    assertThat(counts.get("ct_images")).isEqualTo(41);
    assertThat(counts.get("rtds_object")).isEqualTo(files.size());
    assertThat(counts.get("rt_structureset")).isEqualTo(1);
    assertThat(counts.get("rt_dose")).isEqualTo(1);
  }

  // --- checks against the files ---

  private static void checkStructureSetAgainstFile(int account) throws Exception {
    DicomObject rs = new DicomReader().read(TestData.nelms("RS.dcm"));
    List<String> expected = new ArrayList<>();
    for (DicomObject roiContour : rs.sequence(DicomTag.ROI_CONTOUR_SEQUENCE)) {
      String roi = roiContour.requiredString(DicomTag.REFERENCED_ROI_NUMBER);
      for (DicomObject contour : roiContour.sequence(DicomTag.CONTOUR_SEQUENCE)) {
        expected.add(roi + ":" + ContourPoints.format(contour.strings(DicomTag.CONTOUR_DATA)));
      }
    }
    List<String> stored =
        database
            .query(
                "select r.ROINumber, c.ContourData from rt_contour c join rt_rois r on r.id ="
                    + " c.fk_roi_id_id where r.fk_user_id_id = ? order by c.id",
                account)
            .stream()
            .map(row -> row.get("ROINumber") + ":" + row.get("ContourData"))
            .toList();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
    int points =
        expected.stream().mapToInt(e -> ContourPoints.parse(e.split(":")[1]).length / 3).sum();
    assertThat(
            database.query(
                "select sum(c.NumberOfContourPoints) as n from rt_contour c join rt_rois r on r.id"
                    + " = c.fk_roi_id_id where r.fk_user_id_id = ?",
                account))
        .extracting(row -> ((Number) row.get("n")).intValue())
        .containsExactly(points);
    List<Map<String, Object>> rois =
        database.query(
            "select ROIName, Role, fk_oar_id_id from rt_rois where fk_user_id_id = ?", account);
    assertThat(rois)
        .hasSize(rs.sequence(DicomTag.STRUCTURE_SET_ROI_SEQUENCE).size())
        .anySatisfy(
            row -> {
              assertThat(row.get("ROIName")).isEqualTo("PTV");
              assertThat(row.get("Role")).isEqualTo("PTV");
              assertThat(row.get("fk_oar_id_id")).isNotNull();
            });
  }

  private static void checkDoseAgainstFile(int account) throws Exception {
    PixelFrames pixels = new DicomReader().read(TestData.nelms("RD.dcm")).pixelFrames();
    List<Map<String, Object>> frames =
        database.query(
            "select i.FrameNumber, i.ImageData, i.BitsAllocated, i.PixelRepresentation from"
                + " rt_dose_image i where i.fk_user_id_id = ? order by i.FrameNumber",
            account);
    assertThat(frames).hasSize(pixels.numberOfFrames());
    for (Map<String, Object> frame : frames) {
      int f = ((Number) frame.get("FrameNumber")).intValue();
      long[] values =
          DoseImageData.decode(
              (String) frame.get("ImageData"),
              pixels.rows() * pixels.columns(),
              ((Number) frame.get("BitsAllocated")).intValue(),
              ((Number) frame.get("PixelRepresentation")).intValue() == 1);
      assertThat(values).as("frame " + f).isEqualTo(pixels.frame(f));
    }
  }

  // --- helpers ---

  private static IngestOutcome ingest(Path file, IngestOrigin origin) throws Exception {
    return pipeline.ingest(store.spool(file, Long.MAX_VALUE), origin).outcome();
  }

  private static List<Path> nelmsFiles() throws Exception {
    return TestData.nelmsFiles();
  }

  private static String studyUid() throws Exception {
    return new DicomReader()
        .read(TestData.nelms("RD.dcm"))
        .requiredString(DicomTag.STUDY_INSTANCE_UID);
  }

  private static Map<String, Long> countsOf(String studyUid, int account) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table :
        List.of(
            "ct_images",
            "rt_structureset",
            "rt_rois",
            "rt_dose",
            "rt_dose_image",
            "rt_dvh",
            "rt_plan",
            "series")) {
      counts.put(
          table,
          ((Number)
                  database
                      .query(
                          "select count(*) as n from "
                              + table
                              + " t join studies s on s.id = t."
                              + (table.equals("rt_dvh") ? "fk_study_id" : "fk_study_id_id")
                              + " where"
                              + " s.StudyInstanceUID = ? and s.fk_user_id_id = ?",
                          studyUid,
                          account)
                      .get(0)
                      .get("n"))
              .longValue());
    }
    counts.put(
        "rt_contour",
        ((Number)
                database
                    .query(
                        "select count(*) as n from rt_contour c join rt_rois r on r.id ="
                            + " c.fk_roi_id_id where r.fk_user_id_id = ?",
                        account)
                    .get(0)
                    .get("n"))
            .longValue());
    counts.put(
        "rtds_object",
        count("select count(*) as n from rtds_object where fk_user_id_id = ?", account));
    counts.put(
        "patients", count("select count(*) as n from patients where fk_user_id_id = ?", account));
    counts.put(
        "studies", count("select count(*) as n from studies where fk_user_id_id = ?", account));
    return counts;
  }

  private static byte[] replace(byte[] bytes, String from, String to) {
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(text).contains(from);
    return text.replace(from, to).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static long count(String sql, Object parameter) {
    return ((Number) database.query(sql, parameter).get(0).get("n")).longValue();
  }

  private static <T> T uncheckedGet(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static int account(String username) {
    return TestPersistence.createAccount(factory, username);
  }

  /** Each call in a resource-local transaction of its own, as the EJB does with REQUIRES_NEW. */
  static final class ResourceLocalTransactions implements IngestPipeline.Transactions {
    private final EntityManagerFactory factory;

    ResourceLocalTransactions(EntityManagerFactory factory) {
      this.factory = factory;
    }

    @Override
    public WriteResult write(ParsedInstance parsed, StoredFile file, IngestOrigin origin) {
      return inTransaction(
          em ->
              new IngestWriter(em, RoiNameNormalizer.standard(), Clock.systemUTC())
                  .write(parsed, file, origin));
    }

    @Override
    public void reject(
        String sopInstanceUid,
        String sopClassUid,
        StoredFile file,
        IngestOrigin origin,
        String reasonCode,
        String reason) {
      inTransaction(
          em -> {
            new IngestWriter(em, RoiNameNormalizer.standard(), Clock.systemUTC())
                .recordRejection(sopInstanceUid, sopClassUid, file, origin, reasonCode, reason);
            return null;
          });
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
      return TestPersistence.inTransaction(factory, work);
    }
  }
}
