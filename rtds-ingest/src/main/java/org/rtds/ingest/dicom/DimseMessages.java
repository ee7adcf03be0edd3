package org.rtds.ingest.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedLongAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * DIMSE command sets (PS3.7 E) the listener reads and writes itself, because the library's response
 * messages carry no Error Comment.
 */
final class DimseMessages {

  static final AttributeTag COMMAND_GROUP_LENGTH = new AttributeTag(0x0000, 0x0000);
  static final AttributeTag AFFECTED_SOP_CLASS_UID = new AttributeTag(0x0000, 0x0002);
  static final AttributeTag COMMAND_FIELD = new AttributeTag(0x0000, 0x0100);
  static final AttributeTag MESSAGE_ID = new AttributeTag(0x0000, 0x0110);
  static final AttributeTag MESSAGE_ID_BEING_RESPONDED_TO = new AttributeTag(0x0000, 0x0120);
  static final AttributeTag COMMAND_DATA_SET_TYPE = new AttributeTag(0x0000, 0x0800);
  static final AttributeTag STATUS = new AttributeTag(0x0000, 0x0900);
  static final AttributeTag ERROR_COMMENT = new AttributeTag(0x0000, 0x0902);
  static final AttributeTag AFFECTED_SOP_INSTANCE_UID = new AttributeTag(0x0000, 0x1000);

  static final int C_STORE_RQ = 0x0001;
  static final int C_ECHO_RQ = 0x0030;
  static final int RESPONSE_BIT = 0x8000;

  /** CommandDataSetType value meaning "no data set follows". */
  static final int NO_DATA_SET = 0x0101;

  /** Status 0x0211: unrecognized operation. */
  static final int UNRECOGNIZED_OPERATION = 0x0211;

  private DimseMessages() {}

  /**
   * Encodes a response command set (implicit VR little endian, with its group length).
   *
   * @param requestCommandField CommandField of the request (the response sets bit 15)
   * @param sopClassUid Affected SOP Class UID, or null to leave it out
   * @param sopInstanceUid Affected SOP Instance UID, or null to leave it out
   * @param messageId Message ID of the request
   * @param status DIMSE status
   * @param errorComment Error Comment, or empty to leave it out (must already be a valid LO value)
   */
  static byte[] response(
      int requestCommandField,
      String sopClassUid,
      String sopInstanceUid,
      int messageId,
      int status,
      String errorComment)
      throws DicomException, IOException {
    AttributeList list = new AttributeList();
    if (sopClassUid != null && !sopClassUid.isEmpty()) {
      put(list, new UniqueIdentifierAttribute(AFFECTED_SOP_CLASS_UID), sopClassUid);
    }
    put(list, new UnsignedShortAttribute(COMMAND_FIELD), requestCommandField | RESPONSE_BIT);
    put(list, new UnsignedShortAttribute(MESSAGE_ID_BEING_RESPONDED_TO), messageId);
    put(list, new UnsignedShortAttribute(COMMAND_DATA_SET_TYPE), NO_DATA_SET);
    put(list, new UnsignedShortAttribute(STATUS), status);
    if (!errorComment.isEmpty()) {
      put(list, new LongStringAttribute(ERROR_COMMENT), errorComment);
    }
    if (sopInstanceUid != null && !sopInstanceUid.isEmpty()) {
      put(list, new UniqueIdentifierAttribute(AFFECTED_SOP_INSTANCE_UID), sopInstanceUid);
    }
    int length = encode(list).length;
    put(list, new UnsignedLongAttribute(COMMAND_GROUP_LENGTH), length);
    return encode(list);
  }

  private static void put(AttributeList list, Attribute attribute, String value)
      throws DicomException {
    attribute.addValue(value);
    list.put(attribute);
  }

  private static void put(AttributeList list, Attribute attribute, int value)
      throws DicomException {
    attribute.addValue(value);
    list.put(attribute);
  }

  private static byte[] encode(AttributeList list) throws DicomException, IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DicomOutputStream out =
        new DicomOutputStream(bytes, null, TransferSyntax.ImplicitVRLittleEndian);
    list.write(out);
    out.flush();
    return bytes.toByteArray();
  }

  static int intValue(AttributeList list, AttributeTag tag, int absent) {
    return Attribute.getSingleIntegerValueOrDefault(list, tag, absent);
  }

  static String stringValue(AttributeList list, AttributeTag tag) {
    String value = Attribute.getSingleStringValueOrEmptyString(list, tag);
    return DicomObject.trimValue(value);
  }
}
