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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.rtds.ingest.boundary.DicomListenerService;
import org.rtds.ingest.control.IngestUnavailableException;
import org.rtds.ingest.dicom.SopClass;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestStatus;
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

  private final List<Row> results = new ArrayList<>();

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
                    : SopClass.find(outcome.sopClassUid())
                        .map(SopClass::displayName)
                        .orElse(outcome.sopClassUid()),
                outcome.reason(),
                outcome.studyInstanceUid()));
      }
    } catch (IngestUnavailableException e) {
      message(name + ": the database is not reachable; upload it again in a moment");
    } catch (IOException e) {
      message(name + ": " + e.getMessage());
    }
  }

  public List<Row> getResults() {
    return results;
  }

  /** E.g. "44 objects: 43 stored, 1 duplicate, 0 rejected". */
  public String getSummary() {
    Map<IngestStatus, Integer> counts = new EnumMap<>(IngestStatus.class);
    for (Row row : results) {
      counts.merge(IngestStatus.valueOf(row.status()), 1, Integer::sum);
    }
    return results.size()
        + " objects: "
        + counts.getOrDefault(IngestStatus.STORED, 0)
        + " stored, "
        + counts.getOrDefault(IngestStatus.DUPLICATE, 0)
        + " already stored, "
        + counts.getOrDefault(IngestStatus.REJECTED, 0)
        + " rejected";
  }

  public String getAeTitle() {
    return dicomListener.aeTitle()
        + dicomListener.port().map(port -> " (port " + port + ")").orElse("");
  }

  private static void message(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
