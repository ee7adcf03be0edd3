package org.rtds.web.dicomweb;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rtds.ingest.boundary.DatabaseOutages;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestOutcome;
import org.rtds.ingest.entity.IngestStatus;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.RtdsPermission;
import org.rtds.web.JsonBuilders;
import org.rtds.web.api.DatabaseUnavailable;
import org.rtds.web.api.Problem;
import org.rtds.web.ingest.MalformedMultipartException;
import org.rtds.web.ingest.UploadContentType;
import org.rtds.web.ingest.UploadProcessor;
import org.rtds.web.ingest.UploadProcessor.Received;
import org.rtds.web.ingest.UploadProcessor.RequestTooLargeException;
import org.rtds.web.security.RtdsAuthenticationMechanism;

/**
 * DICOMweb at {@code /rtds/dicomweb}: searches (QIDO-RS, {@code GET}, answered by {@link QidoRs}),
 * retrieval of the stored objects (WADO-RS, {@code GET}, {@link WadoRs}) and STOW-RS.
 *
 * <p>STOW-RS (PS3.18 §10.5): {@code POST /rtds/dicomweb/studies} and {@code
 * /rtds/dicomweb/studies/{StudyInstanceUID}} with a {@code multipart/related;
 * type="application/dicom"} body. The answer is a DICOM JSON data set ({@code
 * application/dicom+json}) with the Referenced SOP Sequence (stored and already stored objects) and
 * the Failed SOP Sequence (with Failure Reason); HTTP 200 when every object was stored, 202 when
 * some failed, 409 when none was stored. A {@code Warning} header carries the reasons in words. A
 * study UID in the path is informative: objects are stored under the study they name.
 */
@WebServlet(urlPatterns = "/dicomweb/*")
public class DicomWebServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = System.getLogger(DicomWebServlet.class.getName());

  static final String DICOM_JSON = "application/dicom+json";

  /** Failure Reason (0008,1197) values, PS3.4 Annex GG / PS3.18 Table 10.5.3-1. */
  static final int PROCESSING_FAILURE = 0x0110;

  static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
  static final int OUT_OF_RESOURCES = 0xA700;
  static final int CANNOT_UNDERSTAND = 0xC000;

  @Inject transient UploadProcessor uploads;

  @Inject transient DatabaseOutages outages;

  @Inject transient AuditTrail auditTrail;

  @Inject transient QidoRs qido;

  @Inject transient WadoRs wado;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Account> account = RtdsAuthenticationMechanism.account(request);
    if (account.isEmpty()) {
      problem(response, 401, "authentication required");
      return;
    }
    String path = Optional.ofNullable(request.getPathInfo()).orElse("").replaceFirst("/$", "");
    if (WadoRs.handles(path)) {
      if (!account.get().has(RtdsPermission.VIEW_PATIENT)) {
        problem(response, 403, lacking(RtdsPermission.VIEW_PATIENT));
        return;
      }
      WadoRs.Problem refused = wado.retrieve(request, response, account.get(), path);
      if (refused != null) {
        problem(response, refused.status(), refused.detail());
      }
      return;
    }
    QidoRs.Answer answer = qido.search(request, account.get(), path);
    if (answer.problem() != null) {
      problem(response, answer.status(), answer.problem());
      return;
    }
    response.setStatus(answer.status());
    answer.warnings().forEach(w -> response.addHeader("Warning", w));
    response.setContentType(answer.contentType());
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = Optional.ofNullable(request.getPathInfo()).orElse("");
    if (!path.matches("/studies(/[0-9.]{1,64})?/?")) {
      problem(
          response, 404, "no DICOMweb resource " + path + "; STOW-RS is POST /dicomweb/studies");
      return;
    }
    // parsed leniently (quoted or not, any order and case, boundaries beyond 70 characters):
    // UploadContentType and MultipartStream list the client habits
    UploadContentType type = UploadContentType.parse(request.getContentType());
    if (!"multipart/related".equals(type.mediaType())
        || !type.parameter("type")
            .orElse("application/dicom")
            .trim()
            .toLowerCase(Locale.ROOT)
            .startsWith("application/dicom")) {
      problem(
          response,
          415,
          "STOW-RS takes multipart/related; type=\"application/dicom\" (got "
              + request.getContentType()
              + ")");
      return;
    }
    Optional<Account> account = RtdsAuthenticationMechanism.account(request);
    if (account.isEmpty()) {
      problem(response, 401, "authentication required");
      return;
    }
    if (!account.get().has(RtdsPermission.ADD_INSTANCE)) {
      problem(response, 403, lacking(RtdsPermission.ADD_INSTANCE));
      return;
    }
    IngestOrigin origin =
        new IngestOrigin(account.get().id(), IngestChannel.STOW_RS, request.getRemoteAddr());
    List<Received> results;
    try {
      results = uploads.process(request.getContentType(), request.getInputStream(), origin);
    } catch (RequestTooLargeException e) {
      problem(response, 413, e.getMessage());
      return;
    } catch (MalformedMultipartException e) {
      problem(response, 400, e.getMessage());
      return;
    } catch (RuntimeException e) {
      if (!outages.explains(e)) {
        throw e;
      }
      response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      problem(response, 503, DatabaseUnavailable.problem().detail());
      return;
    }
    if (results.isEmpty()) {
      problem(response, 400, "the multipart body holds no part (no DICOM object to store)");
      return;
    }
    audit(request, account.get(), results);
    answer(request, response, results);
  }

  /** One audit entry per STOW-RS request: the studies it touched and what became of its parts. */
  private void audit(HttpServletRequest request, Account account, List<Received> results) {
    Map<String, Long> statuses =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.outcome().status().name(), TreeMap::new, Collectors.counting()));
    List<String> studies =
        results.stream()
            .map(r -> r.outcome().studyInstanceUid())
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    boolean anyStored = statuses.containsKey("STORED") || statuses.containsKey("DUPLICATE");
    DicomWebAudit.record(
        auditTrail,
        request,
        account,
        AuditRecord.of(
                AuditRecord.EventId.INSTANCES_TRANSFERRED,
                "instance-create",
                'C',
                anyStored ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.MINOR_FAILURE)
            .on("instance", null)
            .study(studies.size() == 1 ? studies.get(0) : null)
            .detail(
                "STOW-RS "
                    + statuses
                    + (studies.size() > 1 ? " in " + studies.size() + " studies" : "")),
        "POST " + request.getRequestURI(),
        "a STOW-RS request");
  }

  private static void answer(
      HttpServletRequest request, HttpServletResponse response, List<Received> results)
      throws IOException {
    String base =
        request.getRequestURL().toString().replaceFirst("/dicomweb/.*$", "/dicomweb/studies/");
    JsonArrayBuilder referenced = JsonBuilders.array();
    JsonArrayBuilder failed = JsonBuilders.array();
    StringBuilder reasons = new StringBuilder();
    int ok = 0;
    int failures = 0;
    for (Received received : results) {
      IngestOutcome outcome = received.outcome();
      JsonObjectBuilder item = JsonBuilders.object();
      uid(item, "00081150", outcome.sopClassUid());
      uid(item, "00081155", outcome.sopInstanceUid());
      if (outcome.status() == IngestStatus.REJECTED) {
        failures++;
        item.add("00081197", element("US", JsonBuilders.array().add(failureReason(outcome))));
        failed.add(item);
        if (reasons.length() < 1500) {
          reasons
              .append(reasons.length() == 0 ? "" : "; ")
              .append(Optional.ofNullable(outcome.sopInstanceUid()).orElse(received.file()))
              .append(": ")
              .append(outcome.reason());
        }
      } else {
        ok++;
        if (outcome.studyInstanceUid() != null) {
          item.add(
              "00081190",
              element(
                  "UR",
                  JsonBuilders.array()
                      .add(
                          base
                              + outcome.studyInstanceUid()
                              + "/instances/"
                              + outcome.sopInstanceUid())));
        }
        referenced.add(item);
      }
    }
    JsonObjectBuilder body = JsonBuilders.object();
    if (ok > 0) {
      body.add("00081199", element("SQ", referenced));
    }
    if (failures > 0) {
      body.add("00081198", element("SQ", failed));
      response.setHeader(
          "Warning",
          "299 RTDS \"" + reasons.toString().replace('"', '\'').replaceAll("[\\r\\n]", " ") + "\"");
      LOG.log(
          Level.INFO, "STOW-RS: {0} of {1} objects failed: {2}", failures, results.size(), reasons);
    }
    response.setStatus(failures == 0 && ok > 0 ? 200 : ok == 0 ? 409 : 202);
    response.setContentType(DICOM_JSON);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(body.build().toString().getBytes(StandardCharsets.UTF_8));
  }

  static int failureReason(IngestOutcome outcome) {
    String code = Optional.ofNullable(outcome.reasonCode()).orElse("");
    return switch (code) {
      case "UNSUPPORTED_SOP_CLASS" -> SOP_CLASS_NOT_SUPPORTED;
      case "TOO_LARGE" -> OUT_OF_RESOURCES;
      case "CONFLICT", "FRAME_OF_REFERENCE" -> PROCESSING_FAILURE;
      default -> CANNOT_UNDERSTAND;
    };
  }

  private static void uid(JsonObjectBuilder item, String tag, String value) {
    if (value != null) {
      item.add(tag, element("UI", JsonBuilders.array().add(value)));
    }
  }

  private static JsonObjectBuilder element(String vr, JsonArrayBuilder values) {
    return JsonBuilders.object().add("vr", vr).add("Value", values);
  }

  /** The 403 detail for an account without a permission. */
  static String lacking(RtdsPermission permission) {
    return "your account lacks the permission this needs (" + permission.codename() + ")";
  }

  static void problem(HttpServletResponse response, int status, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    Problem problem =
        new Problem(
            status,
            jakarta.ws.rs.core.Response.Status.fromStatusCode(status) == null
                ? "Error"
                : jakarta.ws.rs.core.Response.Status.fromStatusCode(status).getReasonPhrase(),
            detail);
    response.getOutputStream().write(problem.toJson().getBytes(StandardCharsets.UTF_8));
  }
}
