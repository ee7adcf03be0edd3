package org.rtds.web.dicomweb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtds.ingest.boundary.DicomArchive;
import org.rtds.ingest.boundary.QidoQueryParser;
import org.rtds.ingest.entity.QidoAnswer;
import org.rtds.ingest.entity.QidoAttribute;
import org.rtds.ingest.entity.QidoLevel;
import org.rtds.ingest.entity.QidoQuery;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.boundary.Hospitals;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.HospitalScope;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.JsonBuilders;

/**
 * QIDO-RS (PS3.18 §10.6): {@code GET /rtds/dicomweb/studies}, {@code /series}, {@code /instances},
 * {@code /studies/{study}/series}, {@code /studies/{study}/instances} and {@code
 * /studies/{study}/series/{series}/instances}, answered as DICOM JSON (PS3.18 Annex F) from what
 * RTDS stored ({@link DicomArchive}), within the caller's hospital. Needs {@code view_patient}.
 * Matching keys, {@code limit}, {@code offset}, {@code includefield} and {@code fuzzymatching} as
 * {@link QidoQueryParser} reads them; what was ignored, and whether more results match than the
 * page holds, is said in {@code Warning} headers. No match is a 200 with an empty array (PS3.18
 * CP-2473). Every search is one "Query" entry in the audit trail.
 */
@ApplicationScoped
public class QidoRs {

  static final String DICOM_JSON = "application/dicom+json";

  private static final Pattern PATH =
      Pattern.compile(
          "/(studies|series|instances)"
              + "|/studies/([^/]+)/(series|instances)"
              + "|/studies/([^/]+)/series/([^/]+)/instances");

  @Inject DicomArchive archive;

  @Inject Hospitals hospitals;

  @Inject AuditTrail auditTrail;

  /**
   * What to answer: a problem ({@code problem} set) or a DICOM JSON body with its warnings.
   *
   * @param status the HTTP status
   * @param problem the problem's detail, or null
   * @param warnings {@code Warning} header values
   * @param contentType of the body
   * @param body the DICOM JSON array
   */
  record Answer(
      int status, String problem, List<String> warnings, String contentType, String body) {

    static Answer problem(int status, String detail) {
      return new Answer(status, detail, List.of(), null, null);
    }
  }

  /**
   * @param path the path below {@code /dicomweb}, without a trailing slash
   */
  Answer search(HttpServletRequest request, Account account, String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Answer.problem(
          404,
          "no DICOMweb resource "
              + path
              + "; RTDS answers QIDO-RS searches (GET /dicomweb/studies, /series, /instances,"
              + " /studies/{study}/series, /studies/{study}/instances,"
              + " /studies/{study}/series/{series}/instances), WADO-RS retrievals (GET"
              + " /dicomweb/studies/{study}[/series/{series}[/instances/{instance}]]) and STOW-RS"
              + " (POST /dicomweb/studies)");
    }
    if (!account.has(RtdsPermission.VIEW_PATIENT)) {
      audit(request, account, AuditRecord.Outcome.MINOR_FAILURE, null, "refused: no view_patient");
      return Answer.problem(403, DicomWebServlet.lacking(RtdsPermission.VIEW_PATIENT));
    }
    String contentType = contentType(request.getHeader("Accept"));
    if (contentType == null) {
      return Answer.problem(
          406,
          "QIDO-RS answers application/dicom+json or application/json (asked for "
              + request.getHeader("Accept")
              + ")");
    }
    QidoQuery query;
    try {
      query = QidoQueryParser.parse(level(m), studyUid(m), m.group(5), parameters(request));
    } catch (IllegalArgumentException e) {
      audit(
          request, account, AuditRecord.Outcome.MINOR_FAILURE, null, "refused: " + e.getMessage());
      return Answer.problem(400, e.getMessage());
    }
    HospitalScope scope = hospitals.scopeOf(account);
    QidoAnswer found = archive.search(query, scope.senders());
    List<String> warnings = new ArrayList<>();
    query.warnings().forEach(w -> warnings.add(warning(w)));
    if (found.more()) {
      warnings.add(
          warning(
              "more results match than this page holds; ask again with offset="
                  + (query.offset() + query.limit())));
    }
    audit(
        request,
        account,
        AuditRecord.Outcome.SUCCESS,
        query.studyInstanceUid(),
        query.level().name().toLowerCase(Locale.ROOT)
            + " search: "
            + found.results().size()
            + " result(s)");
    return new Answer(200, null, warnings, contentType, json(found).build().toString());
  }

  /** The results as DICOM JSON: one object per result, attributes keyed by tag in tag order. */
  static JsonArrayBuilder json(QidoAnswer answer) {
    JsonArrayBuilder array = JsonBuilders.array();
    for (Map<QidoAttribute, List<String>> result : answer.results()) {
      Map<String, QidoAttribute> byTag = new java.util.TreeMap<>();
      result.keySet().forEach(a -> byTag.put(a.tag(), a));
      JsonObjectBuilder object = JsonBuilders.object();
      byTag.forEach((tag, attribute) -> object.add(tag, element(attribute, result.get(attribute))));
      array.add(object);
    }
    return array;
  }

  private static JsonObjectBuilder element(QidoAttribute attribute, List<String> values) {
    JsonObjectBuilder element = JsonBuilders.object().add("vr", attribute.vr());
    JsonArrayBuilder array = JsonBuilders.array();
    int n = 0;
    for (String value : values) {
      switch (attribute.vr()) {
        case "PN" -> array.add(JsonBuilders.object().add("Alphabetic", value));
        case "IS" -> {
          try {
            array.add(Long.parseLong(value.strip()));
          } catch (NumberFormatException e) {
            continue; // a legacy value that is not a number: left out rather than mistyped
          }
        }
        default -> array.add(value);
      }
      n++;
    }
    return n == 0 ? element : element.add("Value", array);
  }

  /** The media type to answer for an Accept header, or null when none of ours is acceptable. */
  static String contentType(String accept) {
    if (accept == null || accept.isBlank()) {
      return DICOM_JSON;
    }
    List<String> types =
        Arrays.stream(accept.split(","))
            .map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT))
            .toList();
    if (types.stream().anyMatch(t -> List.of(DICOM_JSON, "*/*", "application/*").contains(t))) {
      return DICOM_JSON;
    }
    return types.contains("application/json") ? "application/json" : null;
  }

  private static QidoLevel level(Matcher m) {
    String what = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : "instances";
    return switch (what) {
      case "studies" -> QidoLevel.STUDY;
      case "series" -> QidoLevel.SERIES;
      default -> QidoLevel.INSTANCE;
    };
  }

  private static String studyUid(Matcher m) {
    return m.group(2) != null ? m.group(2) : m.group(4);
  }

  private static Map<String, List<String>> parameters(HttpServletRequest request) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    request.getParameterMap().forEach((key, values) -> parameters.put(key, List.of(values)));
    return Collections.unmodifiableMap(parameters);
  }

  /** A {@code Warning} header value (RFC 9111 §5.5 form, code 299 as PS3.18 uses it). */
  private static String warning(String text) {
    return "299 rtds \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private void audit(
      HttpServletRequest request, Account account, short outcome, String study, String detail) {
    String query = request.getQueryString();
    DicomWebAudit.record(
        auditTrail,
        request,
        account,
        AuditRecord.of(AuditRecord.EventId.QUERY, "dicomweb-query", 'E', outcome)
            .on("query", "QIDO-RS")
            .study(study)
            .detail(detail),
        "GET " + request.getRequestURI() + (query == null ? "" : "?" + query),
        "a QIDO-RS search");
  }
}
