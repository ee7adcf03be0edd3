package org.rtds.ingest.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.TextAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnknownAttribute;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.rtds.domain.text.DecimalList;

/**
 * A DICOM data set as read by {@link DicomReader}: either a whole object (a CT slice, an RT
 * Structure Set, an RT Plan or an RT Dose) or an item of one of its sequences. Values are read by
 * {@link DicomTag}.
 *
 * <p>The values are those stored in the object: no units are converted. Coordinates (ContourData,
 * ImagePositionPatient, IsocenterPosition, …) are in mm in the DICOM patient coordinate system
 * (LPS); doses (TargetPrescriptionDose, …) are in Gy; dose grid values are stored integers to
 * multiply by DoseGridScaling, in the unit DoseUnits names ({@code GY} or {@code RELATIVE}).
 *
 * <p>Accessors follow one rule: an absent attribute and an attribute with an empty value are the
 * same ("no value"). The {@code required…} variants throw {@link DicomParseException} (naming the
 * attribute and where it was looked for) where the plain ones return an empty result. Numeric
 * accessors throw when a value is present but not a number.
 *
 * <p>The underlying library makes no thread-safety promise, so confine an instance to one thread
 * (ingestion reads it, maps it and drops it).
 */
public final class DicomObject {

  /**
   * A DS value (PS3.5 6.2): fixed or floating point, no NaN, infinity, hexadecimal or type suffix.
   */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private final AttributeList attributes;
  private final DicomObject root;
  private final String path;
  private final SopClass sopClass;
  private final String sopInstanceUid;
  private final String transferSyntaxUid;

  /** Contour Data values {@link ContourDataCapture} took out of the stream (root only). */
  private final List<byte[]> contourData;

  /** Whether the Pixel Data was skipped ({@link DicomReader#withoutCtPixelData()}; root only). */
  private final boolean pixelDataSkipped;

  private final Map<AttributeTag, Attribute> decoded = new HashMap<>();

  private DicomObject(
      AttributeList attributes,
      DicomObject root,
      String path,
      SopClass sopClass,
      String sopInstanceUid,
      String transferSyntaxUid,
      List<byte[]> contourData,
      boolean pixelDataSkipped) {
    this.attributes = attributes;
    this.root = root == null ? this : root;
    this.path = path;
    this.sopClass = sopClass;
    this.sopInstanceUid = sopInstanceUid;
    this.transferSyntaxUid = transferSyntaxUid;
    this.contourData = contourData;
    this.pixelDataSkipped = pixelDataSkipped;
  }

  /**
   * A whole object whose identifying attributes {@link DicomReader} has checked.
   *
   * @param contourData the Contour Data values {@link ContourDataCapture} took out while the list
   *     was read, empty when it did not apply
   * @param pixelDataSkipped whether the reader stopped at the Pixel Data
   */
  static DicomObject topLevel(
      AttributeList attributes,
      SopClass sopClass,
      String sopInstanceUid,
      String transferSyntaxUid,
      List<byte[]> contourData,
      boolean pixelDataSkipped) {
    return new DicomObject(
        Objects.requireNonNull(attributes),
        null,
        "",
        Objects.requireNonNull(sopClass),
        Objects.requireNonNull(sopInstanceUid),
        Objects.requireNonNull(transferSyntaxUid),
        List.copyOf(contourData),
        pixelDataSkipped);
  }

  /**
   * The library's attribute list, for other classes of this package (writers, network services).
   * Read it from an object of {@code new DicomReader(false)}: with the default reader an RT
   * Structure Set's Contour Data are placeholders ({@link ContourDataCapture}), which must never be
   * shown or written out as the object's content. Stored objects are always the bytes received.
   */
  AttributeList attributeList() {
    return attributes;
  }

  // --- identity ---

  /** Returns whether this is an item of a sequence rather than a whole object. */
  public boolean isItem() {
    return root != this;
  }

  /**
   * Returns where this item sits in its object, e.g. {@code ROIContourSequence item 2 >
   * ContourSequence item 5} (items counted from 1), or an empty string for a whole object.
   */
  public String path() {
    return path;
  }

  /** Returns the SOP class of the whole object this data set belongs to. */
  public SopClass sopClass() {
    return root.sopClass;
  }

  /**
   * Returns the SOP Class UID (0008,0016) of this object.
   *
   * @throws IllegalStateException if this is a sequence item (items carry references, not an
   *     identity: use {@code ReferencedSOPClassUID})
   */
  public String sopClassUid() {
    requireTopLevel("SOPClassUID");
    return sopClass.uid();
  }

  /**
   * Returns the SOP Instance UID (0008,0018) of this object.
   *
   * @throws IllegalStateException if this is a sequence item (use {@code ReferencedSOPInstanceUID})
   */
  public String sopInstanceUid() {
    requireTopLevel("SOPInstanceUID");
    return sopInstanceUid;
  }

  /**
   * Returns the UID of the transfer syntax the object was encoded in: (0002,0010) of a Part 10
   * file, or the one the reader detected for a bare data set (usually implicit VR little endian,
   * 1.2.840.10008.1.2). For a sequence item, the transfer syntax of its object.
   */
  public String transferSyntaxUid() {
    return root.transferSyntaxUid;
  }

  // --- values ---

  /** Returns whether the attribute is present, even with an empty value. */
  public boolean contains(DicomTag tag) {
    return attribute(tag) != null || capturedContourData(tag) != null;
  }

  /**
   * Returns the value of a text attribute, with leading and trailing spaces and NUL padding
   * removed. Multiple values are returned joined by {@code \} as DICOM encodes them ({@link
   * #strings} splits them).
   *
   * @return the value; empty if the attribute is absent, empty, or holds no text (a sequence, or a
   *     value of unknown VR that cannot be decoded)
   */
  public Optional<String> string(DicomTag tag) {
    List<String> values = strings(tag);
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join("\\", values));
  }

  /**
   * Returns the values of a multi-valued text attribute (e.g. ImageType), each trimmed as in {@link
   * #string}.
   *
   * @return the values; empty if the attribute is absent, empty, or holds no text
   */
  public List<String> strings(DicomTag tag) {
    String captured = capturedContourData(tag);
    Attribute attribute = captured != null ? null : attribute(tag);
    if (captured == null
        && (attribute == null
            || attribute instanceof SequenceAttribute
            || attribute instanceof UnknownAttribute
            || attribute.getVL() == 0)) {
      return List.of();
    }
    String[] values;
    try {
      values = captured != null ? captured.split("\\\\", -1) : attribute.getStringValues();
    } catch (DicomException e) {
      return List.of();
    }
    if (values == null) {
      return List.of();
    }
    List<String> trimmed = new ArrayList<>(values.length);
    for (String value : values) {
      trimmed.add(value == null ? "" : trimValue(value));
    }
    return trimmed.stream().allMatch(String::isEmpty) ? List.of() : List.copyOf(trimmed);
  }

  /**
   * Returns the value of a text attribute RTDS cannot do without.
   *
   * @throws DicomParseException ({@link DicomParseException.Reason#MISSING_ATTRIBUTE}) naming the
   *     attribute if it is absent or empty
   */
  public String requiredString(DicomTag tag) throws DicomParseException {
    Optional<String> value = string(tag);
    if (value.isEmpty()) {
      throw DicomParseException.missing(List.of(tag), where());
    }
    return value.get();
  }

  /**
   * Returns the values of a numeric attribute (DS, FL, FD and the integer VRs) as doubles, e.g.
   * ContourData (x, y, z, … in mm, LPS) or GridFrameOffsetVector (mm).
   *
   * @return the values; an empty array if the attribute is absent or empty
   * @throws DicomParseException ({@link DicomParseException.Reason#INVALID_VALUE}) if a value is
   *     not a number
   */
  public double[] doubles(DicomTag tag) throws DicomParseException {
    String captured = capturedContourData(tag);
    if (captured != null) {
      if (captured.isBlank()) {
        throw invalidText(tag, captured, "is not a list of decimal numbers");
      }
      try {
        return DecimalList.parseDicomDecimals(
            captured, (index, item) -> new IllegalArgumentException(item));
      } catch (IllegalArgumentException e) {
        throw invalidText(tag, captured, "is not a list of decimal numbers");
      }
    }
    Attribute attribute = numericAttribute(tag);
    if (attribute == null) {
      return new double[0];
    }
    if (attribute instanceof StringAttribute || attribute instanceof TextAttribute) {
      String[] texts = textValues(tag, attribute);
      double[] values = new double[texts.length];
      for (int i = 0; i < texts.length; i++) {
        if (!DECIMAL.matcher(texts[i]).matches()) {
          throw invalid(tag, attribute, "is not a list of decimal numbers", null);
        }
        values[i] = Double.parseDouble(texts[i]);
      }
      return values;
    }
    try {
      double[] values = attribute.getDoubleValues();
      return values == null ? new double[0] : values;
    } catch (DicomException | RuntimeException e) {
      throw invalid(tag, attribute, "is not a list of decimal numbers", e);
    }
  }

  /**
   * Returns the values of an integer attribute (IS and the binary integer VRs), e.g. Rows or
   * ReferencedROINumber.
   *
   * @return the values; an empty array if the attribute is absent or empty
   * @throws DicomParseException ({@link DicomParseException.Reason#INVALID_VALUE}) if a value is
   *     not an integer
   */
  public int[] ints(DicomTag tag) throws DicomParseException {
    Attribute attribute = numericAttribute(tag);
    if (attribute == null) {
      return new int[0];
    }
    if (attribute instanceof StringAttribute || attribute instanceof TextAttribute) {
      String[] texts = textValues(tag, attribute);
      int[] values = new int[texts.length];
      for (int i = 0; i < texts.length; i++) {
        try {
          values[i] = Integer.parseInt(texts[i]);
        } catch (NumberFormatException e) {
          throw invalid(tag, attribute, "is not a list of integers", e);
        }
      }
      return values;
    }
    try {
      int[] values = attribute.getIntegerValues();
      return values == null ? new int[0] : values;
    } catch (DicomException | RuntimeException e) {
      throw invalid(tag, attribute, "is not a list of integers", e);
    }
  }

  /**
   * Returns the value of a single-valued numeric attribute, e.g. DoseGridScaling or
   * TargetPrescriptionDose (Gy).
   *
   * @return the value; empty if the attribute is absent or empty
   * @throws DicomParseException ({@link DicomParseException.Reason#INVALID_VALUE}) if the value is
   *     not a number or there is more than one
   */
  public OptionalDouble optionalDouble(DicomTag tag) throws DicomParseException {
    double[] values = doubles(tag);
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    requireSingle(tag, values.length);
    return OptionalDouble.of(values[0]);
  }

  /**
   * Returns the value of a single-valued numeric attribute RTDS cannot do without.
   *
   * @throws DicomParseException if it is absent or empty ({@link
   *     DicomParseException.Reason#MISSING_ATTRIBUTE}), not a number or multi-valued ({@link
   *     DicomParseException.Reason#INVALID_VALUE})
   */
  public double requiredDouble(DicomTag tag) throws DicomParseException {
    OptionalDouble value = optionalDouble(tag);
    if (value.isEmpty()) {
      throw DicomParseException.missing(List.of(tag), where());
    }
    return value.getAsDouble();
  }

  /**
   * Returns the value of a single-valued integer attribute, e.g. NumberOfFractionsPlanned or
   * ROINumber.
   *
   * @return the value; empty if the attribute is absent or empty
   * @throws DicomParseException ({@link DicomParseException.Reason#INVALID_VALUE}) if the value is
   *     not an integer or there is more than one
   */
  public OptionalInt optionalInt(DicomTag tag) throws DicomParseException {
    int[] values = ints(tag);
    if (values.length == 0) {
      return OptionalInt.empty();
    }
    requireSingle(tag, values.length);
    return OptionalInt.of(values[0]);
  }

  /**
   * Returns the value of a single-valued integer attribute RTDS cannot do without.
   *
   * @throws DicomParseException if it is absent or empty ({@link
   *     DicomParseException.Reason#MISSING_ATTRIBUTE}), not an integer or multi-valued ({@link
   *     DicomParseException.Reason#INVALID_VALUE})
   */
  public int requiredInt(DicomTag tag) throws DicomParseException {
    OptionalInt value = optionalInt(tag);
    if (value.isEmpty()) {
      throw DicomParseException.missing(List.of(tag), where());
    }
    return value.getAsInt();
  }

  /**
   * Returns the items of a sequence, in order, e.g. the ROIs of StructureSetROISequence.
   *
   * @return the items; an empty list if the sequence is absent or has no items
   * @throws DicomParseException ({@link DicomParseException.Reason#INVALID_VALUE}) if the attribute
   *     is not a sequence
   */
  public List<DicomObject> sequence(DicomTag tag) throws DicomParseException {
    Attribute attribute = attribute(tag);
    if (attribute == null) {
      return List.of();
    }
    if (!(attribute instanceof SequenceAttribute sequence)) {
      throw invalid(tag, attribute, "is not a sequence", null);
    }
    int count = sequence.getNumberOfItems();
    List<DicomObject> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String itemPath = (path.isEmpty() ? "" : path + " > ") + tag.keyword() + " item " + (i + 1);
      AttributeList itemAttributes = sequence.getItem(i).getAttributeList();
      items.add(
          new DicomObject(
              itemAttributes == null ? new AttributeList() : itemAttributes,
              root,
              itemPath,
              null,
              null,
              null,
              null,
              false));
    }
    return List.copyOf(items);
  }

  /**
   * Returns the items of a sequence RTDS cannot do without.
   *
   * @throws DicomParseException if it is absent or has no items ({@link
   *     DicomParseException.Reason#MISSING_ATTRIBUTE}), or is not a sequence ({@link
   *     DicomParseException.Reason#INVALID_VALUE})
   */
  public List<DicomObject> requiredSequence(DicomTag tag) throws DicomParseException {
    List<DicomObject> items = sequence(tag);
    if (items.isEmpty()) {
      throw DicomParseException.missing(List.of(tag), where());
    }
    return items;
  }

  /**
   * Returns the stored pixel values of every frame: of an RT Dose grid, a CT slice, or any other
   * single-sample image.
   *
   * <p>The values are raw stored values, not doses or Hounsfield units: for an RT Dose, dose in Gy
   * = value × DoseGridScaling (3004,000E) when DoseUnits (3004,0002) is {@code GY} (see {@link
   * PixelFrames}). Native (uncompressed) pixel data is read in any of the transfer syntaxes {@link
   * DicomReader} reads (implicit or explicit VR, little or big endian, deflated); encapsulated
   * pixel data only in RLE Lossless, which RTDS decodes itself for 8, 16 and 32 bits allocated. The
   * library is not used to decode: it cannot decode 32-bit RLE.
   *
   * <p>Each call decodes anew; keep the result rather than calling twice.
   *
   * @throws IllegalStateException when the object was read by {@link
   *     DicomReader#withoutCtPixelData()}, which skips a CT image's pixel data
   * @return the frames, in the order stored
   * @throws DicomParseException if PixelData or a required Image Pixel attribute is missing ({@link
   *     DicomParseException.Reason#MISSING_ATTRIBUTE}); if an attribute has an impossible value or
   *     the native pixel data has the wrong length ({@link
   *     DicomParseException.Reason#INVALID_VALUE}); if the pixel data is compressed other than RLE
   *     Lossless, or has more than one sample per pixel, a photometric interpretation other than
   *     MONOCHROME1/2, or BitsAllocated other than 8, 16 or 32 ({@link
   *     DicomParseException.Reason#UNSUPPORTED_ENCODING}); if it declares more than {@link
   *     PixelFrames#MAX_VALUES} values or {@link PixelFrames#MAX_FRAMES} frames ({@link
   *     DicomParseException.Reason#TOO_LARGE}); if the RLE data is broken ({@link
   *     DicomParseException.Reason#MALFORMED}, naming the frame, the segment and the problem)
   */
  public PixelFrames pixelFrames() throws DicomParseException {
    if (root.pixelDataSkipped) {
      throw new IllegalStateException(
          this + " was read without its pixel data (DicomReader.withoutCtPixelData())");
    }
    return PixelDataDecoder.decode(
        this, attributes.get(DicomReader.libraryTag(DicomTag.PIXEL_DATA)), transferSyntaxUid());
  }

  /**
   * Returns e.g. {@code RT Structure Set 1.2.3} or {@code RT Structure Set 1.2.3,
   * ROIContourSequence item 2}.
   */
  @Override
  public String toString() {
    String object = root.sopClass.displayName() + " " + root.sopInstanceUid;
    return path.isEmpty() ? object : object + ", " + path;
  }

  // --- helpers ---

  private Attribute attribute(DicomTag tag) {
    Objects.requireNonNull(tag, "tag");
    AttributeTag libraryTag = DicomReader.libraryTag(tag);
    Attribute attribute = attributes.get(libraryTag);
    if (attribute instanceof UnknownAttribute) {
      return decoded.computeIfAbsent(libraryTag, t -> decodeUnknown(t, attribute));
    }
    return attribute;
  }

  /**
   * Some writers store standard attributes as UN (e.g. GDCM's ReferencedRTPlanSequence in an RLE RT
   * Dose). PS3.5 6.2.2: such a value is encoded as in implicit VR little endian, so wrapping it in
   * an implicit VR element lets the library decode it with the dictionary's VR. Sequences are
   * always decodable this way; other values only in little endian objects (in big endian ones their
   * byte order is the object's).
   *
   * @return the decoded attribute, or the UN attribute itself if the VR is unknown or decoding
   *     fails
   */
  private Attribute decodeUnknown(AttributeTag tag, Attribute unknown) {
    byte[] dictionaryVr = AttributeList.getDictionary().getValueRepresentationFromTag(tag);
    if (dictionaryVr == null || ValueRepresentation.isUnknownVR(dictionaryVr)) {
      return unknown;
    }
    if (!ValueRepresentation.isSequenceVR(dictionaryVr)
        && TransferSyntax.isBigEndian(root.transferSyntaxUid)) {
      return unknown;
    }
    try {
      byte[] value = unknown.getByteValues();
      ByteBuffer element = ByteBuffer.allocate(8 + value.length).order(ByteOrder.LITTLE_ENDIAN);
      element.putShort((short) tag.getGroup()).putShort((short) tag.getElement());
      element.putInt(value.length).put(value);
      AttributeList wrapper = new AttributeList();
      wrapper.read(
          new DicomInputStream(
              new ByteArrayInputStream(element.array()),
              DicomReader.IMPLICIT_VR_LITTLE_ENDIAN,
              false));
      Attribute result = wrapper.get(tag);
      return result == null ? unknown : result;
    } catch (DicomException | IOException | RuntimeException e) {
      return unknown;
    }
  }

  /** The " in …" part of messages: which item of which object. */
  private String where() {
    return " in " + this;
  }

  private void requireTopLevel(String what) {
    if (isItem()) {
      throw new IllegalStateException(
          path + " is a sequence item: " + what + " belongs to the whole object (" + root + ")");
    }
  }

  /**
   * The attribute, or null if it is absent or empty; refuses sequences and undecodable UN values.
   */
  private Attribute numericAttribute(DicomTag tag) throws DicomParseException {
    Attribute attribute = attribute(tag);
    if (attribute == null || attribute.getVL() == 0) {
      return null;
    }
    if (attribute instanceof SequenceAttribute) {
      throw invalid(tag, attribute, "is a sequence, not a number", null);
    }
    if (attribute instanceof UnknownAttribute) {
      throw invalid(tag, attribute, "has an unknown VR and cannot be read as numbers", null);
    }
    return attribute;
  }

  /**
   * The trimmed text values of a DS or IS attribute. The library turns unparseable DS and IS values
   * into 0 without complaint, so RTDS parses the text itself.
   */
  private String[] textValues(DicomTag tag, Attribute attribute) throws DicomParseException {
    String[] texts;
    try {
      texts = attribute.getStringValues();
    } catch (DicomException e) {
      throw invalid(tag, attribute, "cannot be decoded as text", e);
    }
    if (texts == null) {
      return new String[0];
    }
    String[] trimmed = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      trimmed[i] = texts[i] == null ? "" : trimValue(texts[i]);
    }
    return trimmed;
  }

  /**
   * The text of a Contour Data value that {@link ContourDataCapture} took out of the stream
   * (PixelMed holds a placeholder for it under a private tag), or null for any other tag or when
   * this item's Contour Data was read by PixelMed itself.
   */
  private String capturedContourData(DicomTag tag) {
    if (tag != DicomTag.CONTOUR_DATA || root.contourData == null || root.contourData.isEmpty()) {
      return null;
    }
    Attribute placeholder = attributes.get(PLACEHOLDER_TAG);
    if (placeholder == null) {
      return null;
    }
    int index;
    try {
      index = ContourDataCapture.index(placeholder.getByteValues());
    } catch (DicomException e) {
      return null;
    }
    return index < 0 || index >= root.contourData.size()
        ? null
        : new String(root.contourData.get(index), StandardCharsets.ISO_8859_1);
  }

  private static final AttributeTag PLACEHOLDER_TAG =
      new AttributeTag(
          ContourDataCapture.PLACEHOLDER_TAG_GROUP, ContourDataCapture.PLACEHOLDER_TAG_ELEMENT);

  private void requireSingle(DicomTag tag, int count) throws DicomParseException {
    if (count != 1) {
      throw new DicomParseException(
          DicomParseException.Reason.INVALID_VALUE,
          tag + " has " + count + " values where one was expected" + where());
    }
  }

  private DicomParseException invalid(
      DicomTag tag, Attribute attribute, String problem, Throwable cause) {
    String shown = attribute.getDelimitedStringValuesOrNull();
    String value =
        shown == null || attribute instanceof SequenceAttribute
            ? ""
            : " (value '" + abbreviate(trimValue(shown)) + "')";
    return new DicomParseException(
        DicomParseException.Reason.INVALID_VALUE,
        tag + " with VR " + attribute.getVRAsString() + " " + problem + value + where(),
        cause);
  }

  /** As {@link #invalid}, for a captured Contour Data value (a DS), shown as its text. */
  private DicomParseException invalidText(DicomTag tag, String text, String problem) {
    return new DicomParseException(
        DicomParseException.Reason.INVALID_VALUE,
        tag
            + " with VR DS "
            + problem
            + " (value '"
            + abbreviate(trimValue(text))
            + "')"
            + where());
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 61) + "...";
  }

  /** Removes leading and trailing spaces, control characters and NUL padding. */
  static String trimValue(String value) {
    int begin = 0;
    int end = value.length();
    while (begin < end && value.charAt(begin) <= ' ') {
      begin++;
    }
    while (end > begin && value.charAt(end - 1) <= ' ') {
      end--;
    }
    return value.substring(begin, end);
  }
}
