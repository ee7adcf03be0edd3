package org.rtds.ingest.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CEchoRequestCommandMessage;
import com.pixelmed.network.CStoreRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.PresentationContext;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;

/**
 * A minimal C-STORE / C-ECHO SCU on the library's association layer, for tests: unlike the
 * library's {@code StorageSOPClassSCU} it reports each response's status and Error Comment, sends a
 * file's data set byte for byte, and can send a request on any negotiated context.
 */
final class TestScu implements AutoCloseable {

  static final String CALLING_AE = "TEST_SCU";
  static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  static final String IMPLICIT_LE = "1.2.840.10008.1.2";

  /** A response: Status (0000,0900) and Error Comment (0000,0902), empty if absent. */
  record Response(int status, String errorComment) {}

  /** A file's identity and data set bytes (everything after its file meta information). */
  record Part10(
      String sopClassUid, String sopInstanceUid, String transferSyntaxUid, byte[] dataSet) {

    static Part10 read(Path file) throws Exception {
      byte[] bytes = Files.readAllBytes(file);
      AttributeList meta = new AttributeList();
      meta.setDecompressPixelData(false);
      meta.read(file.toFile());
      int offset = metaEnd(bytes);
      return new Part10(
          Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.MediaStorageSOPClassUID),
          Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.MediaStorageSOPInstanceUID),
          Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.TransferSyntaxUID),
          Arrays.copyOfRange(bytes, offset, bytes.length));
    }

    /** Offset of the data set: after the preamble, DICM and the group 0002 elements. */
    static int metaEnd(byte[] bytes) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      int position = 132;
      while (buffer.getShort(position) == 0x0002) {
        String vr = new String(bytes, position + 4, 2, StandardCharsets.US_ASCII);
        if (List.of("OB", "OW", "SQ", "UN", "UT", "UC", "UR", "OD", "OF", "OL", "OV", "SV", "UV")
            .contains(vr)) {
          position += 12 + buffer.getInt(position + 8);
        } else {
          position += 8 + Short.toUnsignedInt(buffer.getShort(position + 6));
        }
      }
      return position;
    }
  }

  private final Association association;

  private TestScu(Association association) {
    this.association = association;
  }

  /**
   * Opens an association.
   *
   * @param contexts per presentation context: the abstract syntax, then its transfer syntaxes
   */
  static TestScu open(int port, String calledAe, String callingAe, List<List<String>> contexts)
      throws Exception {
    LinkedList<PresentationContext> proposed = new LinkedList<>();
    byte id = 1;
    for (List<String> context : contexts) {
      LinkedList<String> syntaxes = new LinkedList<>(context.subList(1, context.size()));
      proposed.add(new PresentationContext(id, context.get(0), syntaxes));
      id += 2;
    }
    Association association =
        AssociationFactory.createNewAssociation(
            "127.0.0.1", port, calledAe, callingAe, proposed, null, false);
    return new TestScu(association);
  }

  /** Opens an association proposing the file's SOP class in the file's transfer syntax. */
  static TestScu openFor(int port, String calledAe, Path file) throws Exception {
    Part10 part10 = Part10.read(file);
    return open(
        port,
        calledAe,
        CALLING_AE,
        List.of(List.of(part10.sopClassUid(), part10.transferSyntaxUid())));
  }

  /** Returns whether a context for this abstract syntax was accepted. */
  boolean accepted(String abstractSyntax) {
    try {
      association.getSuitablePresentationContextID(abstractSyntax);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  Response echo() throws Exception {
    byte context = association.getSuitablePresentationContextID("1.2.840.10008.1.1");
    byte[] command = new CEchoRequestCommandMessage().getBytes();
    association.send(context, command, null);
    return awaitResponse();
  }

  /** Sends the file's data set as is, in its own transfer syntax. */
  Response store(Path file) throws Exception {
    Part10 part10 = Part10.read(file);
    return store(part10.sopClassUid(), part10.sopClassUid(), part10);
  }

  /**
   * Sends a C-STORE whose Affected SOP Class UID is {@code affectedSopClassUid}, on the context
   * negotiated for {@code contextAbstractSyntax}.
   */
  Response store(String contextAbstractSyntax, String affectedSopClassUid, Part10 part10)
      throws Exception {
    byte context =
        association.getSuitablePresentationContextID(
            contextAbstractSyntax, part10.transferSyntaxUid());
    byte[] command =
        new CStoreRequestCommandMessage(affectedSopClassUid, part10.sopInstanceUid()).getBytes();
    association.send(context, command, null);
    try (OutputStream data = association.getAssociationOutputStream(context)) {
      data.write(part10.dataSet());
    }
    return awaitResponse();
  }

  private Response awaitResponse() throws Exception {
    ResponseCollector collector = new ResponseCollector();
    association.setReceivedDataHandler(collector);
    association.waitForCommandPDataPDUs();
    return collector.response;
  }

  @Override
  public void close() throws Exception {
    association.release();
  }

  /** Keeps the status and comment of one response. */
  private static final class ResponseCollector extends CompositeResponseHandler {
    private Response response;

    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList list) {
      int status = Attribute.getSingleIntegerValueOrDefault(list, DimseMessages.STATUS, 0xFFFF);
      String comment =
          Attribute.getSingleStringValueOrEmptyString(list, DimseMessages.ERROR_COMMENT);
      response = new Response(status, comment);
      success = status == 0x0000;
    }
  }
}
