package org.rtds.web.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.ingest.boundary.DicomListenerService;
import org.rtds.ingest.boundary.IngestUnavailableException;
import org.rtds.ingest.boundary.Ingestion;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestStatus;
import org.rtds.ingest.entity.StudyListing;
import org.rtds.web.api.CallerAccount;
import org.rtds.web.ingest.UploadProcessor;
import org.rtds.web.ingest.UploadProcessor.Received;

/**
 * The clinicians' upload page: every dropped file (or zip) is ingested as it arrives, and the page
 * lists one result per object.
 */
@Named
@ViewScoped
public class UploadView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient UploadProcessor uploads;

  @Inject transient CallerAccount caller;

  @Inject transient DicomListenerService dicomListener;

  @Inject transient PatientRecords records;

  @Inject transient Ingestion ingestion;

  private final List<Row> results = new ArrayList<>();

  /** The studies the uploads went to, in the order first seen, with their feature status. */
  private final Map<String, UploadedStudy> studies = new LinkedHashMap<>();

  /**
   * A study an upload went to, as last read.
   *
   * @param patientName as people write it
   * @param featureStatus null before the study has a feature job
   * @param featureDetail what the status means, e.g. "waiting for RTDOSE"
   */
  public record UploadedStudy(
      String studyInstanceUid,
      String patientName,
      String patientId,
      FeatureJobStatus featureStatus,
      String featureDetail)
      implements Serializable {

    static UploadedStudy of(StudyListing s) {
      return new UploadedStudy(
          s.studyInstanceUid(),
          PersonNames.display(s.patientName()),
          s.patientId(),
          s.featureStatus(),
          s.featureDetail());
    }
  }

  /**
   * One result line.
   *
   * @param kind e.g. "RT Dose", from the SOP class
   */
  public record Row(String file, String status, String kind, String reason, String studyInstanceUid)
      implements Serializable {}

  /** Ingests one uploaded file (the upload component calls this once per file). */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    String name = file.getFileName();
    String type =
        name.toLowerCase(Locale.ROOT).endsWith(".zip")
            ? "application/zip"
            : UploadProcessor.APPLICATION_DICOM;
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    IngestOrigin origin =
        new IngestOrigin(caller.get().id(), IngestChannel.UPLOAD, request.getRemoteAddr());
    try (InputStream in = file.getInputStream()) {
      for (Received received : uploads.process(type, in, origin)) {
        String part = received.file() == null ? name : name + " › " + received.file();
        var outcome = received.outcome();
        results.add(
            new Row(
                part,
                outcome.status().name(),
                outcome.sopClassUid() == null
                    ? ""
                    : ingestion.sopClassName(outcome.sopClassUid()).orElse(outcome.sopClassUid()),
                outcome.reason(),
                outcome.studyInstanceUid()));
      }
      for (Row row : results) {
        if (row.studyInstanceUid() != null && !studies.containsKey(row.studyInstanceUid())) {
          studies.put(row.studyInstanceUid(), null);
        }
      }
      refresh();
    } catch (IngestUnavailableException e) {
      message(Texts.text("upload.databaseUnavailable", name));
    } catch (IOException e) {
      message(Texts.text("upload.unreadable", name, e.getMessage()));
    }
  }

  /**
   * Re-reads where the features of the uploaded studies stand (the page polls this while one is
   * waiting or computing). A study the caller can no longer see is dropped.
   */
  public void refresh() {
    for (String uid : List.copyOf(studies.keySet())) {
      records
          .visibleStudy(uid, caller.senders(), caller.get().id())
          .map(id -> UploadedStudy.of(records.study(id).study()))
          .ifPresentOrElse(s -> studies.put(uid, s), () -> studies.remove(uid));
    }
  }

  /** The studies uploaded on this page, with their feature status. */
  public List<UploadedStudy> getStudies() {
    return List.copyOf(studies.values());
  }

  /** Whether a study's features are still waiting or being computed (the page keeps polling). */
  public boolean isWorking() {
    return studies.values().stream()
        .anyMatch(
            s ->
                s.featureStatus() == FeatureJobStatus.PENDING
                    || s.featureStatus() == FeatureJobStatus.RUNNING);
  }

  public List<Row> getResults() {
    return results;
  }

  /** E.g. "44 objects: 43 stored, 1 already stored, 0 rejected". */
  public String getSummary() {
    Map<IngestStatus, Integer> counts = new EnumMap<>(IngestStatus.class);
    for (Row row : results) {
      counts.merge(IngestStatus.valueOf(row.status()), 1, Integer::sum);
    }
    return Texts.text(
        "upload.summary",
        results.size(),
        counts.getOrDefault(IngestStatus.STORED, 0),
        counts.getOrDefault(IngestStatus.DUPLICATE, 0),
        counts.getOrDefault(IngestStatus.REJECTED, 0));
  }

  public String getAeTitle() {
    return dicomListener
        .port()
        .map(port -> Texts.text("upload.aeTitleAndPort", dicomListener.aeTitle(), port))
        .orElse(dicomListener.aeTitle());
  }

  private static void message(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
