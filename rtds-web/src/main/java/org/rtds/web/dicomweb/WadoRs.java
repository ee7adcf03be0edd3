package org.rtds.web.dicomweb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtds.ingest.boundary.DicomArchive;
import org.rtds.ingest.boundary.QidoQueryParser;
import org.rtds.ingest.entity.ArchivedFile;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AuditTrail;
import org.rtds.security.boundary.Hospitals;
import org.rtds.security.control.AuditRecord;
import org.rtds.security.control.HospitalScope;
import org.rtds.web.JsonBuilders;

/**
 * WADO-RS retrieval (PS3.18 §10.4): {@code GET /rtds/dicomweb/studies/{study}}, {@code
 * …/series/{series}} and {@code …/series/{series}/instances/{instance}} answer the stored objects
 * as {@code multipart/related; type="application/dicom"}, each part byte for byte as RTDS received
 * it, with its transfer syntax in the part's {@code Content-Type}. RTDS does not transcode: a
 * request for one transfer syntax explicitly ({@code transfer-syntax=…}) is answered only when
 * every object is stored in it (406 otherwise, naming the one it has); no {@code transfer-syntax},
 * or {@code *}, takes them as stored. Within the caller's hospital ({@code view_patient}, checked
 * by the servlet): another hospital's study is not found. Every retrieval is one "DICOM Instances
 * Transferred" (read) entry in the audit trail.
 */
@ApplicationScoped
public class WadoRs {

  private static final Logger LOG = System.getLogger(WadoRs.class.getName());

  /** The retrieve paths: study, series or instance. */
  static final Pattern PATH =
      Pattern.compile(
          "/studies/([^/]+)(?:/series/([^/]+)(?:/instances/([^/]+)(?:/bulkdata/([0-9A-Fa-f]{8}))?)?)?"
              + "(/metadata)?");

  @Inject DicomArchive archive;

  @Inject Hospitals hospitals;

  @Inject AuditTrail auditTrail;

  /** Whether a path is one of the retrieve paths. */
  static boolean handles(String path) {
    return PATH.matcher(path).matches();
  }

  /**
   * Answers one retrieval; the caller has been checked for {@code view_patient}.
   *
   * @param path the path below {@code /dicomweb}, without a trailing slash
   * @return null when the answer was written; otherwise the problem to answer (status, detail)
   */
  Problem retrieve(
      HttpServletRequest request, HttpServletResponse response, Account account, String path)
      throws IOException {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return new Problem(404, "no WADO-RS resource " + path);
    }
    String study = m.group(1);
    String series = m.group(2);
    String instance = m.group(3);
    for (String uid : new String[] {study, series, instance}) {
      if (uid != null && !QidoQueryParser.isUid(uid)) {
        return new Problem(400, "'" + uid + "' is not a DICOM UID (digits and dots, at most 64)");
      }
    }
    String bulkTag = m.group(4);
    boolean metadata = m.group(5) != null;
    if (bulkTag != null && metadata) {
      return new Problem(404, "no WADO-RS resource " + path);
    }
    String json = metadata ? QidoRs.contentType(request.getHeader("Accept")) : null;
    if (metadata && json == null) {
      return new Problem(
          406,
          "WADO-RS metadata is answered as application/dicom+json or application/json (asked for "
              + request.getHeader("Accept")
              + ")");
    }
    Optional<String> wanted;
    try {
      wanted =
          metadata || bulkTag != null
              ? Optional.empty()
              : acceptedTransferSyntax(request.getHeader("Accept"));
    } catch (IllegalArgumentException e) {
      return new Problem(406, e.getMessage());
    }
    HospitalScope scope = hospitals.scopeOf(account);
    List<ArchivedFile> files = archive.files(study, series, instance, scope.senders());
    String what =
        instance != null
            ? "object " + instance
            : series != null ? "series " + series : "study " + study;
    if (files.isEmpty()) {
      audit(request, account, study, AuditRecord.Outcome.MINOR_FAILURE, what + ": not found");
      return new Problem(
          404, "no stored DICOM object of " + what + " that this account may see is in RTDS");
    }
    if (wanted.isPresent()) {
      for (ArchivedFile file : files) {
        if (!wanted.get().equals(file.transferSyntaxUid())) {
          return new Problem(
              406,
              "RTDS returns objects as they were received and does not transcode: "
                  + file.sopInstanceUid()
                  + " is stored in transfer syntax "
                  + file.transferSyntaxUid()
                  + ", not "
                  + wanted.get()
                  + " (ask with transfer-syntax=*)");
        }
      }
    }
    for (ArchivedFile file : files) {
      if (!Files.isReadable(file.path())) {
        LOG.log(
            Level.ERROR,
            "file of " + file.sopInstanceUid() + " is missing from the file store: " + file.path());
        return new Problem(
            500,
            "the file of "
                + file.sopInstanceUid()
                + " is missing from RTDS's file store; tell the administrator");
      }
    }
    String base = request.getRequestURL().toString().replaceFirst("/dicomweb/.*$", "/dicomweb");
    if (bulkTag != null) {
      return bulkData(request, response, account, study, files.get(0), bulkTag, base);
    }
    if (metadata) {
      JsonArrayBuilder array = JsonBuilders.array();
      archive.metadata(files, f -> instanceUrl(base, study, f)).forEach(array::add);
      response.setStatus(200);
      response.setContentType(json);
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(array.build().toString().getBytes(StandardCharsets.UTF_8));
      audit(
          request,
          account,
          study,
          AuditRecord.Outcome.SUCCESS,
          what + ": metadata of " + files.size() + " object(s)");
      return null;
    }
    String boundary = "rtds-" + UUID.randomUUID();
    response.setStatus(200);
    response.setContentType(
        "multipart/related; type=\"application/dicom\"; boundary=\"" + boundary + "\"");
    OutputStream out = response.getOutputStream();
    for (ArchivedFile file : files) {
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Type: application/dicom"
                  + (file.transferSyntaxUid() == null
                      ? ""
                      : "; transfer-syntax=" + file.transferSyntaxUid())
                  + "\r\nContent-Length: "
                  + Files.size(file.path())
                  + "\r\nContent-Location: "
                  + instanceUrl(base, study, file)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      Files.copy(file.path(), out);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    audit(
        request,
        account,
        study,
        AuditRecord.Outcome.SUCCESS,
        what + ": " + files.size() + " object(s)");
    return null;
  }

  private static String instanceUrl(String base, String study, ArchivedFile file) {
    return base
        + "/studies/"
        + study
        + "/series/"
        + file.seriesInstanceUid()
        + "/instances/"
        + file.sopInstanceUid();
  }

  /**
   * One binary value of one object (PS3.18 bulk data): {@code multipart/related;
   * type="application/octet-stream"}, one part, the value's bytes (OW little endian).
   */
  private Problem bulkData(
      HttpServletRequest request,
      HttpServletResponse response,
      Account account,
      String study,
      ArchivedFile file,
      String tagHex,
      String base)
      throws IOException {
    String accept = request.getHeader("Accept");
    if (accept != null
        && !accept.isBlank()
        && !accept.contains("*/*")
        && !accept.contains("multipart/related")
        && !accept.contains("application/octet-stream")) {
      return new Problem(
          406,
          "bulk data is answered as multipart/related; type=\"application/octet-stream\" (asked"
              + " for "
              + accept
              + ")");
    }
    Optional<byte[]> value = archive.bulkData(file, Integer.parseUnsignedInt(tagHex, 16));
    String what =
        "object " + file.sopInstanceUid() + " attribute " + tagHex.toUpperCase(Locale.ROOT);
    if (value.isEmpty()) {
      audit(request, account, study, AuditRecord.Outcome.MINOR_FAILURE, what + ": no bulk data");
      return new Problem(404, what + " holds no binary value RTDS serves as bulk data");
    }
    String boundary = "rtds-" + UUID.randomUUID();
    response.setStatus(200);
    response.setContentType(
        "multipart/related; type=\"application/octet-stream\"; boundary=\"" + boundary + "\"");
    OutputStream out = response.getOutputStream();
    out.write(
        ("--"
                + boundary
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + value.get().length
                + "\r\nContent-Location: "
                + instanceUrl(base, study, file)
                + "/bulkdata/"
                + tagHex
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(value.get());
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    audit(
        request,
        account,
        study,
        AuditRecord.Outcome.SUCCESS,
        what + ": " + value.get().length + " bytes of bulk data");
    return null;
  }

  /** A problem to answer instead of objects. */
  record Problem(int status, String detail) {}

  /**
   * The transfer syntax an Accept header asks for, empty for "as stored".
   *
   * @throws IllegalArgumentException when the header accepts nothing RTDS can send (the message
   *     says what RTDS sends)
   */
  static Optional<String> acceptedTransferSyntax(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.empty();
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      if (type.equals("*/*") || type.equals("multipart/*")) {
        return Optional.empty();
      }
      if (!type.equals("multipart/related")) {
        continue;
      }
      String partType = "application/dicom";
      String transferSyntax = "*";
      for (int i = 1; i < parts.length; i++) {
        String[] parameter = parts[i].split("=", 2);
        if (parameter.length < 2) {
          continue;
        }
        String name = parameter[0].strip().toLowerCase(Locale.ROOT);
        String value = parameter[1].strip().replace("\"", "");
        if (name.equals("type")) {
          partType = value.toLowerCase(Locale.ROOT);
        } else if (name.equals("transfer-syntax")) {
          transferSyntax = value;
        }
      }
      if (partType.equals("application/dicom")) {
        return transferSyntax.equals("*") ? Optional.empty() : Optional.of(transferSyntax);
      }
    }
    throw new IllegalArgumentException(
        "WADO-RS here answers multipart/related; type=\"application/dicom\" (the objects as"
            + " received); asked for "
            + accept);
  }

  private void audit(
      HttpServletRequest request, Account account, String study, short outcome, String detail) {
    DicomWebAudit.record(
        auditTrail,
        request,
        account,
        AuditRecord.of(AuditRecord.EventId.INSTANCES_TRANSFERRED, "dicomweb-retrieve", 'R', outcome)
            .on("study", study)
            .study(study)
            .detail(detail),
        "GET " + request.getRequestURI(),
        "a WADO-RS retrieval");
  }
}
