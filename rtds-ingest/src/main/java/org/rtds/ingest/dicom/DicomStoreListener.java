package org.rtds.ingest.dicom;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.DicomNetworkException;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A DICOM C-STORE and C-ECHO SCP (Storage and Verification service classes, PS3.4 B and A).
 *
 * <p><b>Negotiation.</b> An association must call {@link DicomListenerSettings#aeTitle()}; any
 * other called AE title is rejected (A-ASSOCIATE-RJ: rejected permanent, service user, "called AE
 * title not recognized"). Presentation contexts are accepted for the configured SOP classes in any
 * transfer syntax RTDS can store as received (see {@link StorePresentationContextPolicy}: native,
 * deflated, RLE, JPEG family), and for Verification; others are refused ("abstract syntax not
 * supported"). Beyond {@link DicomListenerSettings#maxAssociations()} open associations, a new one
 * is rejected (transient, service provider, "local limit exceeded").
 *
 * <p><b>C-STORE.</b> The data set is streamed, as received and without decompression, into a new
 * file in the spool folder (Part 10, with file meta information naming the calling AE title as
 * source). Then, on the association's thread and before answering, the {@link DicomStoreHandler} is
 * called; the C-STORE-RSP carries its {@link DicomStoreOutcome}: the status, and for a failure the
 * Error Comment (0000,0902) that says why. The listener answers by itself, without calling the
 * handler, when:
 *
 * <ul>
 *   <li>the Affected SOP Class UID is not one of the configured classes: 0x0122 "SOP class not
 *       supported" (possible when a peer sends on a context negotiated for another class);
 *   <li>the data set exceeds {@link DicomListenerSettings#maxObjectBytes()}: 0xA700 "out of
 *       resources"; the spool file is deleted as soon as the limit is passed;
 *   <li>the spool file cannot be written (disk full): 0xA700, with the I/O error as comment;
 *   <li>the data set is empty: 0xC000 "cannot understand".
 * </ul>
 *
 * A handler that throws gets 0x0110 "processing failure" with the exception message as comment, and
 * the file is deleted. Other DIMSE requests (C-FIND, C-MOVE…, never negotiated) get 0x0211
 * "unrecognized operation". C-ECHO is answered with success.
 *
 * <p><b>Threads.</b> Every thread the listener uses comes from the {@link ThreadFactory} given to
 * {@link #start}: one that accepts connections, and one per open association, which reads the
 * request, calls the handler and answers. The library's network code runs on those threads and
 * starts none of its own (its {@code StorageSOPClassSCPDispatcher}, which starts raw threads and
 * cannot answer with a failure status, is not used). After answering an A-RELEASE-RQ the library
 * keeps the association's thread for up to 5 s (its fixed wait before closing the connection); such
 * a released association no longer counts against {@link DicomListenerSettings#maxAssociations()},
 * and {@code close()} ends the wait at once.
 *
 * <p><b>Logging.</b> The library logs an error with stack trace ("Transport connection closed")
 * whenever an association ends without a release: a peer's abort, the idle timeout, or {@code
 * close()} dropping an open association.
 *
 * <p><b>Stopping.</b> {@link #close()} stops accepting and frees the port at once; associations
 * between requests are dropped; an object being received or handled is answered first, for up to
 * {@link DicomListenerSettings#closeTimeout()}, then its association is dropped too (the sender
 * sees no response and treats the object as not stored). {@code close()} returns once every thread
 * has ended.
 */
public final class DicomStoreListener implements AutoCloseable {

  private static final Logger LOG = System.getLogger(DicomStoreListener.class.getName());

  /** How long a rejected connection may take to send its A-ASSOCIATE-RQ. */
  private static final int REJECT_READ_TIMEOUT_MILLIS = 2000;

  private static final long WAKE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /** How long close() still waits for threads after dropping their connections. */
  private static final long FINAL_JOIN_MILLIS = 2000;

  private final DicomListenerSettings settings;
  private final DicomStoreHandler handler;
  private final ThreadFactory threads;
  private final ServerSocket serverSocket;
  private final Set<String> acceptedSopClassUids;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

  /**
   * Every association thread not known to have ended: a connection leaves {@link #connections} just
   * before its thread ends, so {@link #close()} joins these as well.
   */
  private final Set<Thread> associationThreads = ConcurrentHashMap.newKeySet();

  private final AtomicInteger associationCounter = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closing;
  private boolean closed;

  private DicomStoreListener(
      DicomListenerSettings settings,
      DicomStoreHandler handler,
      ThreadFactory threads,
      ServerSocket serverSocket)
      throws IOException {
    this.settings = settings;
    this.handler = handler;
    this.threads = threads;
    this.serverSocket = serverSocket;
    this.acceptedSopClassUids =
        settings.sopClasses().stream().map(SopClass::uid).collect(Collectors.toUnmodifiableSet());
    this.acceptor = newThread(this::acceptConnections, "accept");
  }

  /**
   * Binds the port and starts accepting associations.
   *
   * @param settings port, AE title, spool folder and limits
   * @param handler called for each received object (must be thread-safe)
   * @param threads makes every thread the listener uses (in Jakarta EE, a {@code
   *     ManagedThreadFactory})
   * @return the listener, listening when this method returns
   * @throws IOException if the spool folder cannot be created or the port cannot be bound (e.g. in
   *     use); the message names the port
   */
  public static DicomStoreListener start(
      DicomListenerSettings settings, DicomStoreHandler handler, ThreadFactory threads)
      throws IOException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(threads, "threads");
    Files.createDirectories(settings.spoolDirectory());
    ServerSocket server = new ScpSocket.Server();
    DicomStoreListener listener;
    try {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(settings.port()));
      listener = new DicomStoreListener(settings, handler, threads, server);
    } catch (IOException | RuntimeException e) {
      server.close();
      if (e instanceof IOException io) {
        throw new IOException(
            "cannot listen for DICOM on port " + settings.port() + ": " + io.getMessage(), io);
      }
      throw e;
    }
    listener.acceptor.start();
    LOG.log(
        Level.INFO,
        "DICOM C-STORE SCP {0} listening on port {1,number,#}",
        settings.aeTitle(),
        listener.port());
    return listener;
  }

  /** Returns the bound TCP port (the ephemeral one chosen when the settings said 0). */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Returns the settings the listener runs with. */
  public DicomListenerSettings settings() {
    return settings;
  }

  /**
   * Stops the listener: the port is released at once, idle associations are dropped, objects in
   * progress are answered (for up to {@link DicomListenerSettings#closeTimeout()}). Returns when
   * the listener's threads have ended. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closing = true;
    closeQuietly(serverSocket);
    long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
    boolean interrupted = join(acceptor, deadline);
    List<Connection> open = new ArrayList<>(connections);
    for (Connection connection : open) {
      connection.stop();
    }
    for (Connection connection : open) {
      // A wake-up may come before the library starts its wait: repeat it until the thread ends.
      while (connection.lingering() && System.nanoTime() < deadline && !interrupted) {
        connection.wakeLibrary();
        interrupted = join(connection.thread, System.nanoTime() + WAKE_INTERVAL_NANOS);
      }
      interrupted |= join(connection.thread, deadline);
    }
    long finalDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FINAL_JOIN_MILLIS);
    for (Connection connection : open) {
      if (connection.thread.isAlive()) {
        LOG.log(
            Level.WARNING,
            "DICOM association from {0} still busy after {1}: dropping it",
            connection.remote,
            settings.closeTimeout());
        connection.drop();
        interrupted |= join(connection.thread, finalDeadline);
      }
    }
    // associations that had already left the connection set: their threads are ending
    for (Thread thread : associationThreads) {
      interrupted |= join(thread, finalDeadline);
    }
    for (Thread thread : associationThreads) {
      if (thread.isAlive()) {
        LOG.log(Level.WARNING, "DICOM association thread {0} did not end", thread);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    LOG.log(Level.INFO, "DICOM C-STORE SCP {0} stopped", settings.aeTitle());
  }

  /** Joins until the deadline; returns whether the caller was interrupted meanwhile. */
  private static boolean join(Thread thread, long deadlineNanos) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        interrupted = true;
        break;
      }
    }
    return interrupted;
  }

  // --- accepting ---

  private void acceptConnections() {
    while (!closing) {
      ScpSocket socket;
      try {
        socket = (ScpSocket) serverSocket.accept();
      } catch (IOException e) {
        if (!closing) {
          LOG.log(Level.ERROR, "DICOM listener on port " + port() + " stopped accepting", e);
        }
        return;
      }
      if (closing) {
        closeQuietly(socket);
        return;
      }
      if (openAssociations() >= settings.maxAssociations()) {
        LOG.log(
            Level.WARNING,
            "DICOM association from {0} rejected: {1} associations already open",
            address(socket.getRemoteSocketAddress()),
            settings.maxAssociations());
        rejectBusy(socket);
        continue;
      }
      Connection connection = new Connection(socket);
      try {
        connection.thread =
            newThread(connection, "association-" + associationCounter.incrementAndGet());
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.ERROR, "no thread for a DICOM association: " + e.getMessage(), e);
        closeQuietly(socket);
        continue;
      }
      associationThreads.removeIf(thread -> !thread.isAlive());
      associationThreads.add(connection.thread);
      connections.add(connection);
      connection.thread.start();
    }
  }

  /** Counts the associations not yet released (a released one lingers up to 5 s, see stop()). */
  private long openAssociations() {
    return connections.stream().filter(c -> !c.socket.releaseAnswered()).count();
  }

  private Thread newThread(Runnable task, String name) throws IOException {
    Thread thread = threads.newThread(task);
    if (thread == null) {
      throw new IOException("the thread factory made no thread");
    }
    try {
      thread.setName("dicom-scp-" + settings.aeTitle() + "-" + name);
    } catch (SecurityException e) {
      // Keep the factory's name.
    }
    return thread;
  }

  /**
   * Answers an A-ASSOCIATE-RQ with A-ASSOCIATE-RJ (PS3.8 9.3.4): rejected transient, service
   * provider (presentation related), local limit exceeded.
   */
  private static void rejectBusy(Socket socket) {
    try (socket) {
      socket.setSoTimeout(REJECT_READ_TIMEOUT_MILLIS);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int type = in.readUnsignedByte();
      in.readUnsignedByte();
      long length = in.readInt() & 0xFFFFFFFFL;
      if (type != 0x01 || length > 1 << 20) {
        return;
      }
      in.skipNBytes(length);
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x02, 0x03, 0x02});
      out.flush();
      socket.shutdownOutput();
      // Let the peer read the rejection and close first.
      while (in.read() >= 0) {
        // discard
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "rejecting a DICOM association failed: {0}", e.toString());
    }
  }

  // --- one association ---

  /** One open association, served by its own thread. */
  private final class Connection implements Runnable {

    private final ScpSocket socket;
    private final String remote;
    private volatile Thread thread;
    private volatile Association association;
    private boolean busy;
    private volatile boolean stopping;

    Connection(ScpSocket socket) {
      this.socket = socket;
      this.remote = address(socket.getRemoteSocketAddress());
    }

    @Override
    public void run() {
      DimseMessageReceiver receiver = null;
      try {
        socket.setSoTimeout((int) settings.idleTimeout().toMillis());
        association =
            AssociationFactory.createNewAssociation(
                socket,
                settings.aeTitle(),
                AssociationFactory.getDefaultMaximumLengthReceived(),
                0,
                0,
                new StorePresentationContextPolicy(acceptedSopClassUids));
        if (stopping) {
          return;
        }
        LOG.log(
            Level.DEBUG,
            "DICOM association from {0} ({1}) accepted",
            association.getCallingAETitle(),
            remote);
        while (true) {
          receiver =
              new DimseMessageReceiver(
                  settings.spoolDirectory(), settings.maxObjectBytes(), this::beginRequest);
          association.setReceivedDataHandler(receiver);
          association.waitForPDataPDUsUntilHandlerReportsDone();
          byte[] response = answer(receiver, association);
          association.send(receiver.presentationContextId(), response, null);
          receiver = null;
          if (!endRequest()) {
            break;
          }
        }
      } catch (AReleaseException e) {
        LOG.log(Level.DEBUG, "DICOM association from {0} released", remote);
      } catch (DicomNetworkException | DicomException | IOException | RuntimeException e) {
        logEnd(e);
      } finally {
        if (receiver != null) {
          receiver.discardFile();
        }
        closeQuietly(socket);
        connections.remove(this);
        // drop() may have interrupted the thread.
        Thread.interrupted();
      }
    }

    private void logEnd(Exception e) {
      if (association == null) {
        LOG.log(
            closing ? Level.DEBUG : Level.WARNING,
            "DICOM association from {0} not established: {1}",
            remote,
            e.getMessage());
      } else if (closing || e instanceof DicomNetworkException) {
        LOG.log(Level.DEBUG, "DICOM association from {0} ended: {1}", remote, e.toString());
      } else {
        LOG.log(Level.WARNING, "DICOM association from " + remote + " failed", e);
      }
    }

    private synchronized void beginRequest() {
      busy = true;
    }

    /** Returns whether to go on serving the association. */
    private boolean endRequest() {
      synchronized (this) {
        busy = false;
        return !stopping;
      }
    }

    /**
     * Drops the association unless a request is being processed; that one is answered first (see
     * {@link #endRequest()}).
     */
    synchronized void stop() {
      stopping = true;
      if (busy) {
        return;
      }
      if (!socket.releaseAnswered()) {
        closeQuietly(socket);
      }
      wakeLibrary();
    }

    /** Returns whether the association is released and only the library's wait is left. */
    boolean lingering() {
      return socket.releaseAnswered() && thread.isAlive();
    }

    /** Drops the association even while a request is being processed. */
    void drop() {
      closeQuietly(socket);
      wakeLibrary();
      thread.interrupt();
    }

    /**
     * After answering an A-RELEASE-RQ the library waits 5 s on the association's monitor before it
     * closes the connection ("ARTIM"), whatever the peer does; waking it ends that wait normally.
     */
    void wakeLibrary() {
      Association current = association;
      if (current != null) {
        synchronized (current) {
          current.notifyAll();
        }
      }
    }

    private byte[] answer(DimseMessageReceiver request, Association association)
        throws DicomException, IOException {
      int field = request.commandField();
      if (field == DimseMessages.C_ECHO_RQ) {
        return DimseMessages.response(
            field, request.sopClassUid(), null, request.messageId(), 0x0000, "");
      }
      if (!request.isStore()) {
        request.discardFile();
        LOG.log(
            Level.WARNING,
            "DICOM request 0x{0} from {1} not supported",
            Integer.toHexString(field),
            remote);
        return DimseMessages.response(
            field,
            request.sopClassUid(),
            request.sopInstanceUid(),
            request.messageId(),
            DimseMessages.UNRECOGNIZED_OPERATION,
            DicomStoreOutcome.errorComment("RTDS supports only C-STORE and C-ECHO"));
      }
      DicomStoreOutcome outcome = store(request, association);
      if (outcome.kind().isFailure()) {
        LOG.log(
            Level.INFO,
            "C-STORE of {0} from {1} ({2}) refused, status 0x{3}: {4}",
            request.sopInstanceUid(),
            association.getCallingAETitle(),
            remote,
            Integer.toHexString(outcome.status()),
            outcome.comment());
      }
      return DimseMessages.response(
          field,
          request.sopClassUid(),
          request.sopInstanceUid(),
          request.messageId(),
          outcome.status(),
          outcome.kind().isFailure() ? outcome.errorComment() : "");
    }

    private DicomStoreOutcome store(DimseMessageReceiver request, Association association) {
      if (!acceptedSopClassUids.contains(request.sopClassUid())) {
        request.discardFile();
        String name = SOPClassDescriptions.getAbbreviationFromUID(request.sopClassUid());
        return DicomStoreOutcome.failure(
            DicomStoreOutcome.Kind.SOP_CLASS_NOT_SUPPORTED,
            "SOP class "
                + (name == null || name.isBlank() || name.equals(request.sopClassUid())
                    ? request.sopClassUid()
                    : name)
                + " not accepted by RTDS");
      }
      if (request.tooLarge()) {
        return DicomStoreOutcome.failure(
            DicomStoreOutcome.Kind.OUT_OF_RESOURCES,
            "object larger than the limit of " + settings.maxObjectBytes() + " bytes");
      }
      if (request.writeFailure() != null) {
        LOG.log(Level.ERROR, "cannot write a received DICOM object", request.writeFailure());
        return DicomStoreOutcome.failure(
            DicomStoreOutcome.Kind.OUT_OF_RESOURCES,
            "cannot store: " + describe(request.writeFailure()));
      }
      Path file = request.takeFile();
      if (file == null) {
        return DicomStoreOutcome.failure(
            DicomStoreOutcome.Kind.CANNOT_UNDERSTAND, "empty data set");
      }
      ReceivedDicomObject object =
          new ReceivedDicomObject(
              file,
              association.getCallingAETitle(),
              settings.aeTitle(),
              request.sopClassUid(),
              request.sopInstanceUid(),
              request.transferSyntaxUid(),
              request.dataBytes(),
              remote);
      DicomStoreOutcome outcome;
      try {
        outcome = handler.onObjectReceived(object);
        if (outcome == null) {
          outcome =
              DicomStoreOutcome.failure(
                  DicomStoreOutcome.Kind.PROCESSING_FAILURE, "RTDS gave no outcome");
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.ERROR,
            "handling DICOM object " + request.sopInstanceUid() + " from " + remote + " failed",
            e);
        outcome = DicomStoreOutcome.failure(DicomStoreOutcome.Kind.PROCESSING_FAILURE, describe(e));
      }
      if (outcome.kind().isFailure()) {
        deleteQuietly(file);
      }
      return outcome;
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static String address(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete refused DICOM object {0}: {1}", file, e.toString());
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing only to release it.
    }
  }
}
