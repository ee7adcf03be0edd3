package org.rtds.ingest.dicom;

/**
 * Receives each object a {@link DicomStoreListener} has received, and decides what the sender is
 * told.
 *
 * <p>Called synchronously on the association's thread, after the whole object is in its spool file
 * and before the C-STORE response is sent: the response carries the returned outcome. The sender
 * waits for that response, so a slow handler slows that sender down (other associations run on
 * their own threads, so the handler must be thread-safe).
 *
 * <p>The handler owns {@link ReceivedDicomObject#file()}: it may move it (e.g. into the file store)
 * or delete it. After a failure outcome, or when the handler throws, the listener deletes whatever
 * is still at that path (so a handler that wants to keep a rejected object moves it away first).
 * After a success or duplicate outcome the listener leaves the path alone.
 */
@FunctionalInterface
public interface DicomStoreHandler {

  /**
   * Processes one received object.
   *
   * @param object the object, in its spool file, as received
   * @return what to answer; a {@link RuntimeException} thrown here is answered with status 0x0110
   *     (processing failure) and the exception's message as error comment
   */
  DicomStoreOutcome onObjectReceived(ReceivedDicomObject object);
}
