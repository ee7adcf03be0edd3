package org.rtds.ingest.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A stored object's attributes as DICOM JSON (PS3.18 Annex F), for WADO-RS metadata: every
 * attribute of the data set in tag order (not the File Meta Information, group 0002, nor group
 * lengths), sequences with their items, names as {@code {"Alphabetic": …}} (with the ideographic
 * and phonetic groups where present), IS/DS/binary numbers as JSON numbers, AT as tags. OB, OW and
 * UN values up to {@value #MAX_INLINE_BYTES} bytes are {@code InlineBinary} (base64, OW little
 * endian); larger ones (the pixel data of most images) and OF/OD/OL/OV carry only their VR:
 * retrieve the instance for them (RTDS serves no bulk data resources).
 */
public final class DicomJson {

  /**
   * Builders from one factory: {@code Json.createObjectBuilder()} looks the provider up through the
   * service loader on every call, a search of every jar in an application server.
   */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  /** Largest binary value written inline. */
  public static final int MAX_INLINE_BYTES = 65_536;

  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

  private static final Set<String> BINARY = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN");
  private static final Set<String> INTEGERS = Set.of("IS", "SL", "SS", "UL", "US", "SV", "UV");
  private static final Set<String> DECIMALS = Set.of("DS", "FL", "FD");

  private DicomJson() {}

  /**
   * @param file a stored object
   * @throws IOException when the file cannot be read
   * @throws DicomParseException when it is not a DICOM object RTDS can read
   */
  public static JsonObject metadata(Path file) throws IOException, DicomParseException {
    return metadata(file, null);
  }

  /**
   * @param file a stored object
   * @param bulkDataBase the URL of the object's WADO-RS resource; a top-level binary value larger
   *     than {@value #MAX_INLINE_BYTES} bytes (the CT pixels, a dose grid) then gets a {@code
   *     BulkDataURI} {@code <base>/bulkdata/<tag>} ({@link #bulkData}); null: only its VR
   * @throws IOException when the file cannot be read
   * @throws DicomParseException when it is not a DICOM object RTDS can read
   */
  public static JsonObject metadata(Path file, String bulkDataBase)
      throws IOException, DicomParseException {
    // Contour Data as DS values, not the ingestion's fast text form
    return object(new DicomReader(false).read(file).attributeList(), bulkDataBase).build();
  }

  /**
   * The value of one top-level binary attribute (OB, OW or UN; OW as little-endian bytes), for
   * WADO-RS bulk data.
   *
   * @param tag the attribute, e.g. {@code 0x7FE00010} for Pixel Data
   * @return the bytes; empty when the object has no such binary value RTDS can serve (another VR,
   *     or compressed pixel data)
   * @throws IOException when the file cannot be read
   * @throws DicomParseException when it is not a DICOM object RTDS can read
   */
  public static java.util.Optional<byte[]> bulkData(Path file, int tag)
      throws IOException, DicomParseException {
    Attribute attribute =
        new DicomReader(false)
            .read(file)
            .attributeList()
            .get(new AttributeTag(tag >>> 16, tag & 0xFFFF));
    if (attribute == null || attribute instanceof SequenceAttribute) {
      return java.util.Optional.empty();
    }
    String vr = new String(attribute.getVR(), StandardCharsets.US_ASCII);
    return BINARY.contains(vr)
        ? java.util.Optional.ofNullable(bytes(attribute, vr))
        : java.util.Optional.empty();
  }

  private static JsonObjectBuilder object(AttributeList list) {
    return object(list, null);
  }

  private static JsonObjectBuilder object(AttributeList list, String bulkDataBase) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    for (Attribute attribute : list.values()) {
      AttributeTag tag = attribute.getTag();
      if (tag.getGroup() == 0x0002 || tag.getElement() == 0x0000) {
        continue;
      }
      String key = String.format(Locale.ROOT, "%04X%04X", tag.getGroup(), tag.getElement());
      JsonObjectBuilder element = element(attribute);
      String vr = new String(attribute.getVR(), StandardCharsets.US_ASCII);
      if (bulkDataBase != null
          && BINARY.contains(vr)
          && !(attribute instanceof SequenceAttribute)
          && attribute.getVL() > MAX_INLINE_BYTES
          && attribute.getVL() != UNDEFINED_LENGTH) { // encapsulated pixel data is not served
        element.add("BulkDataURI", bulkDataBase + "/bulkdata/" + key);
      }
      object.add(key, element);
    }
    return object;
  }

  private static JsonObjectBuilder element(Attribute attribute) {
    String vr = new String(attribute.getVR(), StandardCharsets.US_ASCII);
    JsonObjectBuilder element = JSON.createObjectBuilder().add("vr", vr);
    if (attribute instanceof SequenceAttribute sequence) {
      JsonArrayBuilder items = JSON.createArrayBuilder();
      for (int i = 0; i < sequence.getNumberOfItems(); i++) {
        items.add(object(sequence.getItem(i).getAttributeList()));
      }
      return sequence.getNumberOfItems() == 0 ? element : element.add("Value", items);
    }
    if (BINARY.contains(vr)) {
      long length = attribute.getVL();
      byte[] bytes = length > 0 && length <= MAX_INLINE_BYTES ? bytes(attribute, vr) : null;
      return bytes == null || bytes.length == 0
          ? element
          : element.add("InlineBinary", Base64.getEncoder().encodeToString(bytes));
    }
    String[] values;
    try {
      values = attribute.getStringValues();
    } catch (DicomException e) {
      return element;
    }
    if (values == null || values.length == 0) {
      return element;
    }
    JsonArrayBuilder array = JSON.createArrayBuilder();
    boolean any = false;
    for (String raw : values) {
      String value = raw == null ? "" : raw.strip();
      if (value.isEmpty()) {
        array.addNull();
        continue;
      }
      any = true;
      switch (vr) {
        case "PN" -> array.add(personName(value));
        case "AT" -> array.add(value.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT));
        default -> {
          if (INTEGERS.contains(vr) || DECIMALS.contains(vr)) {
            try {
              BigDecimal number = new BigDecimal(value);
              if (INTEGERS.contains(vr)) {
                array.add(number.toBigIntegerExact());
              } else {
                array.add(number);
              }
            } catch (NumberFormatException | ArithmeticException e) {
              array.addNull(); // not a number: left out rather than mistyped
            }
          } else {
            array.add(value);
          }
        }
      }
    }
    return any ? element.add("Value", array) : element;
  }

  private static JsonObjectBuilder personName(String value) {
    String[] groups = value.split("=", -1);
    JsonObjectBuilder name = JSON.createObjectBuilder();
    String[] keys = {"Alphabetic", "Ideographic", "Phonetic"};
    for (int i = 0; i < Math.min(groups.length, keys.length); i++) {
      if (!groups[i].isEmpty()) {
        name.add(keys[i], groups[i]);
      }
    }
    return name;
  }

  /** The value's bytes, little endian (OB, UN, OW); null for other binary VRs or on failure. */
  private static byte[] bytes(Attribute attribute, String vr) {
    try {
      return switch (vr) {
        case "OB", "UN" -> attribute.getByteValues();
        case "OW" -> {
          short[] words = attribute.getShortValues();
          ByteBuffer buffer = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
          buffer.asShortBuffer().put(words);
          yield buffer.array();
        }
        default -> null;
      };
    } catch (DicomException | RuntimeException e) {
      return null;
    }
  }
}
