package org.rtds.ingest.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rtds.ingest.control.ContentAddressedStore.SpooledFile;
import org.rtds.ingest.dicom.DicomListenerSettings;
import org.rtds.ingest.dicom.DicomReader;
import org.rtds.ingest.dicom.DicomStoreListener;
import org.rtds.ingest.dicom.DicomStoreOutcome;
import org.rtds.ingest.dicom.DicomStoreOutcome.Kind;
import org.rtds.ingest.dicom.ReceivedDicomObject;
import org.rtds.ingest.entity.IngestChannel;
import org.rtds.ingest.entity.IngestOrigin;
import org.rtds.ingest.entity.IngestOutcome;

/**
 * The DICOM C-STORE/C-ECHO listener of this node, on {@code RTDS_DICOM_PORT} (default 11112; 0
 * picks a free port, a negative value switches the listener off) with AE title {@code
 * RTDS_AE_TITLE} (default {@code RTDS}). Every received object goes through {@link Ingestion}; the
 * C-STORE response carries the outcome: Success for stored and duplicate objects, a failure status
 * with the reason as Error Comment for rejected ones, and A700 (out of resources, "resend later")
 * while the database is unreachable.
 *
 * <p>The sending account is the active RTDS account named like the calling AE title, else {@code
 * RTDS_DICOM_ACCOUNT} (default {@code admin}). Threads come from the container's managed thread
 * factory; the listener stops with the application.
 */
@Startup
@Singleton
@DependsOn("FileStore")
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DicomListenerService {

  private static final Logger LOG = System.getLogger(DicomListenerService.class.getName());

  /** Default DICOM port (the registered DICOM port is 104; 11112 needs no privileges). */
  public static final int DEFAULT_PORT = 11112;

  @Resource ManagedThreadFactory threads;

  @EJB Ingestion ingestion;

  @EJB DatabaseOutages outages;

  @Inject FileStore fileStore;

  private final AssociationSenders senders = new AssociationSenders();

  private volatile DicomStoreListener listener;
  private volatile String problem;
  private volatile String aeTitle;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    int port = config.getOptionalValue("RTDS_DICOM_PORT", Integer.class).orElse(DEFAULT_PORT);
    aeTitle = config.getOptionalValue("RTDS_AE_TITLE", String.class).orElse("RTDS").trim();
    if (port < 0) {
      problem = null;
      LOG.log(Level.INFO, "RTDS DICOM listener switched off (RTDS_DICOM_PORT={0})", port);
      return;
    }
    Path spool = fileStore.store().spoolDirectory().resolve("dimse");
    try {
      DicomListenerSettings settings =
          DicomListenerSettings.of(port, aeTitle, spool)
              .withMaxObjectBytes(ingestion.settings().maxObjectBytes());
      listener = DicomStoreListener.start(settings, this::received, threads);
      problem = null;
      // the first push of a cold server should not wait for these (D58)
      threads.newThread(this::warmUp).start();
      LOG.log(
          Level.INFO,
          "RTDS DICOM listener: AE title {0} on port {1} (C-STORE, C-ECHO)",
          aeTitle,
          String.valueOf(listener.port()));
    } catch (IOException | RuntimeException e) {
      problem =
          "cannot listen for DICOM on port "
              + port
              + " ("
              + e.getMessage()
              + "); free the port or set RTDS_DICOM_PORT";
      LOG.log(Level.ERROR, "RTDS DICOM listener: " + problem, e);
    }
  }

  @PreDestroy
  void stop() {
    DicomStoreListener running = listener;
    listener = null;
    if (running != null) {
      running.close();
    }
  }

  /** The bound port, when listening. */
  public Optional<Integer> port() {
    DicomStoreListener running = listener;
    return running == null ? Optional.empty() : Optional.of(running.port());
  }

  /** The AE title the listener answers to. */
  public String aeTitle() {
    return aeTitle;
  }

  /** Why the listener is not running although it should; empty when it runs or is off. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Loads the DICOM dictionary and prepares the sender look-up's query. */
  private void warmUp() {
    DicomReader.warmUp();
    try {
      ingestion.accountForSender(aeTitle);
    } catch (RuntimeException e) {
      // the database may not be there yet: the first association then pays for the preparation
    }
  }

  private DicomStoreOutcome received(ReceivedDicomObject object) {
    String origin = object.callingAeTitle() + "@" + object.remoteAddress();
    try {
      Optional<Integer> account = senders.account(object, ingestion::accountForSender);
      if (account.isEmpty()) {
        Files.deleteIfExists(object.file());
        return DicomStoreOutcome.failure(
            Kind.PROCESSING_FAILURE,
            "no RTDS account for AE " + object.callingAeTitle() + " (set RTDS_DICOM_ACCOUNT)");
      }
      SpooledFile spooled = fileStore.store().adopt(object.file());
      IngestOutcome outcome =
          ingestion.ingest(spooled, new IngestOrigin(account.get(), IngestChannel.DIMSE, origin));
      return switch (outcome.status()) {
        case STORED -> DicomStoreOutcome.success();
        case DUPLICATE -> DicomStoreOutcome.duplicate();
        case REJECTED ->
            DicomStoreOutcome.failure(
                "UNSUPPORTED_SOP_CLASS".equals(outcome.reasonCode())
                    ? Kind.SOP_CLASS_NOT_SUPPORTED
                    : Kind.CANNOT_UNDERSTAND,
                outcome.reason());
      };
    } catch (IOException | RuntimeException e) {
      if (outages.explains(e)) {
        return DicomStoreOutcome.failure(
            Kind.OUT_OF_RESOURCES, "RTDS database unavailable; resend later");
      }
      LOG.log(Level.ERROR, "Storing " + object.sopInstanceUid() + " from " + origin + " failed", e);
      return DicomStoreOutcome.failure(Kind.PROCESSING_FAILURE, "RTDS failed: " + e.getMessage());
    }
  }
}
