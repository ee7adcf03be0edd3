package org.rtds.web.api.ingest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.IngestStatus;
import org.rtds.web.JsonBuilders;
import org.rtds.web.ingest.UploadProcessor.Received;

/** The JSON form of ingest results, shared by the API and the upload page. */
public final class IngestResults {

  /** Reasons that mean the bytes were not a DICOM object at all. */
  private static final Set<String> UNREADABLE =
      Set.of("NOT_DICOM", "TRUNCATED", "MALFORMED", "NOT_ZIP");

  private IngestResults() {}

  /**
   * One object's result, as {@link #toJson} writes it (absent values left out); for the API's
   * documentation.
   *
   * @param sopInstanceUid SOP Instance UID (0008,0018), when it could be read
   * @param sopClass SOP Class UID (0008,0016)
   * @param status STORED, DUPLICATE or REJECTED
   * @param reason why it was refused, in words
   * @param reasonCode why it was refused, for programs (e.g. NOT_DICOM, UNSUPPORTED_SOP_CLASS)
   * @param studyInstanceUid the study it belongs to
   * @param file its file name in a multipart or zip upload
   */
  public record Result(
      String sopInstanceUid,
      String sopClass,
      String status,
      String reason,
      String reasonCode,
      String studyInstanceUid,
      String file) {}

  /**
   * {@code [{sopInstanceUid, sopClass, status, reason, reasonCode, studyInstanceUid, file}]};
   * absent values are left out.
   */
  public static JsonArrayBuilder toJson(List<Received> results) {
    JsonArrayBuilder array = JsonBuilders.array();
    for (Received received : results) {
      IngestOutcome outcome = received.outcome();
      JsonObjectBuilder json = JsonBuilders.object();
      add(json, "sopInstanceUid", outcome.sopInstanceUid());
      add(json, "sopClass", outcome.sopClassUid());
      json.add("status", outcome.status().name());
      add(json, "reason", outcome.reason());
      add(json, "reasonCode", outcome.reasonCode());
      add(json, "studyInstanceUid", outcome.studyInstanceUid());
      add(json, "file", received.file());
      array.add(json);
    }
    return array;
  }

  /** True when the request held no object RTDS could read (then the API answers 400). */
  public static boolean nothingReadable(List<Received> results) {
    return results.stream()
        .allMatch(
            r ->
                r.outcome().status() == IngestStatus.REJECTED
                    && r.outcome().sopInstanceUid() == null
                    && UNREADABLE.contains(r.outcome().reasonCode()));
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
