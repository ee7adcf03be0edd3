package org.rtds.ingest.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.Association;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PDataPDU;
import com.pixelmed.network.PresentationDataValue;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Receives one DIMSE request (command and data set) from the P-DATA PDUs the library hands over,
 * streaming a C-STORE data set into a spool file as it arrives.
 *
 * <p>The library's own receiver always answers C-STORE with success; this one only collects the
 * request, so that {@link DicomStoreListener} can answer with the handler's status and comment. The
 * library requires a {@code ReceivedDataHandler}, whose only public subclass is {@link
 * CompositeResponseHandler}; its response logic is not used here.
 *
 * <p>Write problems of the spool file (disk full) and the size limit do not break the association:
 * they are recorded, the rest of the data set is read and discarded, and the request is answered
 * with a failure.
 */
final class DimseMessageReceiver extends CompositeResponseHandler {

  private final Path spoolDirectory;
  private final long maxObjectBytes;
  private final Runnable onRequest;

  private final ByteArrayOutputStream commandBytes = new ByteArrayOutputStream();
  private AttributeList command;
  private byte presentationContextId;
  private int commandField;
  private int messageId;
  private String sopClassUid = "";
  private String sopInstanceUid = "";
  private String transferSyntaxUid = "";
  private String callingAeTitle = "";

  private Path file;
  private OutputStream out;
  private long dataBytes;
  private boolean tooLarge;
  private IOException writeFailure;

  /**
   * @param spoolDirectory where a C-STORE data set is written
   * @param maxObjectBytes largest data set kept
   * @param onRequest called once the command is complete, before its data set is read
   */
  DimseMessageReceiver(Path spoolDirectory, long maxObjectBytes, Runnable onRequest) {
    this.spoolDirectory = spoolDirectory;
    this.maxObjectBytes = maxObjectBytes;
    this.onRequest = onRequest;
  }

  @Override
  protected void evaluateStatusAndSetSuccess(AttributeList list) {
    // Not a response: nothing to evaluate (sendPDataIndication is overridden).
  }

  @Override
  public void sendPDataIndication(PDataPDU pdu, Association association)
      throws DicomNetworkException, DicomException, IOException {
    for (Object item : pdu.getPDVList()) {
      PresentationDataValue value = (PresentationDataValue) item;
      if (value.isCommand()) {
        commandFragment(value);
      } else {
        dataFragment(value, association);
      }
    }
  }

  private void commandFragment(PresentationDataValue value)
      throws DicomNetworkException, DicomException, IOException {
    if (command != null) {
      throw new DicomNetworkException("protocol error: command fragment after a complete command");
    }
    presentationContextId = value.getPresentationContextID();
    commandBytes.write(value.getValue());
    if (!value.isLastFragment()) {
      return;
    }
    command =
        CompositeResponseHandler.getAttributeListFromCommandOrData(
            commandBytes.toByteArray(), TransferSyntax.ImplicitVRLittleEndian);
    commandField = DimseMessages.intValue(command, DimseMessages.COMMAND_FIELD, -1);
    messageId = DimseMessages.intValue(command, DimseMessages.MESSAGE_ID, 0);
    sopClassUid = DimseMessages.stringValue(command, DimseMessages.AFFECTED_SOP_CLASS_UID);
    sopInstanceUid = DimseMessages.stringValue(command, DimseMessages.AFFECTED_SOP_INSTANCE_UID);
    onRequest.run();
    int dataSetType =
        DimseMessages.intValue(
            command, DimseMessages.COMMAND_DATA_SET_TYPE, DimseMessages.NO_DATA_SET);
    if (dataSetType == DimseMessages.NO_DATA_SET) {
      setDone(true);
    }
  }

  private void dataFragment(PresentationDataValue value, Association association)
      throws DicomNetworkException {
    if (command == null) {
      throw new DicomNetworkException("protocol error: data set fragment before its command");
    }
    byte[] bytes = value.getValue();
    if (isStore()) {
      store(bytes, association);
    }
    dataBytes += bytes.length;
    if (value.isLastFragment()) {
      finishFile();
      setDone(true);
    }
  }

  private void store(byte[] bytes, Association association) throws DicomNetworkException {
    if (tooLarge || writeFailure != null) {
      return;
    }
    if (dataBytes + bytes.length > maxObjectBytes) {
      tooLarge = true;
      discardFile();
      return;
    }
    try {
      if (out == null) {
        transferSyntaxUid =
            DicomObject.trimValue(
                association.getTransferSyntaxForPresentationContextID(presentationContextId));
        callingAeTitle = association.getCallingAETitle();
        openFile();
      }
      out.write(bytes);
    } catch (IOException | DicomException e) {
      writeFailure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      discardFile();
    }
  }

  private void openFile() throws IOException, DicomException {
    file = Files.createTempFile(spoolDirectory, "rx-", ".dcm");
    out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    String source = callingAeTitle == null || callingAeTitle.isEmpty() ? null : callingAeTitle;
    FileMetaInformation meta =
        new FileMetaInformation(sopClassUid, sopInstanceUid, transferSyntaxUid, source);
    DicomOutputStream header =
        new DicomOutputStream(out, TransferSyntax.ExplicitVRLittleEndian, null);
    meta.getAttributeList().write(header);
    header.flush();
  }

  private void finishFile() {
    if (out == null) {
      return;
    }
    try {
      out.close();
      out = null;
    } catch (IOException e) {
      writeFailure = e;
      discardFile();
    }
  }

  /** Closes and deletes the spool file, if any. */
  void discardFile() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // Deleted next: nothing to keep.
      }
      out = null;
    }
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // The spool folder is for transient files; a leftover is harmless.
      }
      file = null;
    }
  }

  boolean isStore() {
    return commandField == DimseMessages.C_STORE_RQ;
  }

  boolean hasCommand() {
    return command != null;
  }

  byte presentationContextId() {
    return presentationContextId;
  }

  int commandField() {
    return commandField;
  }

  int messageId() {
    return messageId;
  }

  String sopClassUid() {
    return sopClassUid;
  }

  String sopInstanceUid() {
    return sopInstanceUid;
  }

  String transferSyntaxUid() {
    return transferSyntaxUid;
  }

  /**
   * Hands the spool file over to the caller, who then owns it: {@link #discardFile()} no longer
   * deletes it.
   *
   * @return the file, or null if no data set was kept
   */
  Path takeFile() {
    Path taken = file;
    file = null;
    return taken;
  }

  /** Returns how many data set bytes arrived (also when not kept). */
  long dataBytes() {
    return dataBytes;
  }

  boolean tooLarge() {
    return tooLarge;
  }

  IOException writeFailure() {
    return writeFailure;
  }
}
