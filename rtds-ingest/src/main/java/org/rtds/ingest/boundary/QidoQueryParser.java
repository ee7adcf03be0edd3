package org.rtds.ingest.boundary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rtds.ingest.entity.QidoAttribute;
import org.rtds.ingest.entity.QidoAttribute.Matching;
import org.rtds.ingest.entity.QidoLevel;
import org.rtds.ingest.entity.QidoQuery;
import org.rtds.ingest.entity.QidoQuery.Match;

/**
 * Reads the query parameters of a DICOMweb search (PS3.18 §8.3.4) into a {@link QidoQuery}.
 *
 * <ul>
 *   <li>A matching key is a keyword ({@code PatientID}) or a tag ({@code 00100020}); an empty value
 *       asks for the attribute without narrowing (universal matching).
 *   <li>A key RTDS does not store or cannot match (an unknown attribute, a sequence path, a
 *       computed count, a key of a lower level) is ignored and named in a warning, as PS3.18 lets
 *       an origin server do; {@code fuzzymatching=true} likewise.
 *   <li>A value that cannot be meant (a malformed date or UID, a range that ends before it starts,
 *       a key given twice, a bad {@code limit} or {@code offset}) is an {@link
 *       IllegalArgumentException} whose message says what was wrong: a 400 for the caller.
 * </ul>
 */
public final class QidoQueryParser {

  /** Most results one search returns; more are announced by a warning. */
  public static final int MAX_LIMIT = 1000;

  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_ ]{1,16}");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,11}");
  private static final DateTimeFormatter DA =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private QidoQueryParser() {}

  /**
   * @param level the level the path asks for
   * @param studyInstanceUid the study UID of the path, or null
   * @param seriesInstanceUid the series UID of the path, or null
   * @param parameters the query parameters, each with every value it was given
   * @throws IllegalArgumentException when a parameter's value cannot be used (the message says
   *     which and why)
   */
  public static QidoQuery parse(
      QidoLevel level,
      String studyInstanceUid,
      String seriesInstanceUid,
      Map<String, List<String>> parameters) {
    pathUid("study", studyInstanceUid);
    pathUid("series", seriesInstanceUid);
    List<Match> matches = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int limit = MAX_LIMIT;
    int offset = 0;
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String key = parameter.getKey();
      List<String> values = parameter.getValue();
      switch (key) {
        case "limit" -> limit = integer(key, single(key, values), 1, MAX_LIMIT);
        case "offset" -> offset = integer(key, single(key, values), 0, Integer.MAX_VALUE);
        case "includefield" -> includeFields(values, warnings);
        case "fuzzymatching" -> fuzzyMatching(single(key, values), warnings);
        default -> {
          Optional<QidoAttribute> attribute = QidoAttribute.byKeyOrTag(key);
          if (attribute.isEmpty()) {
            warnings.add(key + " is not an attribute RTDS can search by; ignored");
          } else if (!attribute.get().isMatchable()) {
            warnings.add(
                attribute.get().keyword()
                    + (attribute.get().isStored()
                        ? " is computed for the answer, not a matching key; ignored"
                        : " is not stored by RTDS; ignored"));
          } else if (attribute.get().level().compareTo(level) > 0) {
            warnings.add(
                attribute.get().keyword()
                    + " is a "
                    + attribute.get().level().name().toLowerCase(java.util.Locale.ROOT)
                    + "-level attribute, not a key of a "
                    + level.name().toLowerCase(java.util.Locale.ROOT)
                    + " search; ignored");
          } else {
            match(attribute.get(), values).ifPresent(matches::add);
          }
        }
      }
    }
    return new QidoQuery(
        level, studyInstanceUid, seriesInstanceUid, matches, limit, offset, warnings);
  }

  private static Optional<Match> match(QidoAttribute attribute, List<String> given) {
    Matching matching = attribute.matching();
    boolean list =
        matching == Matching.UID_LIST
            || matching == Matching.LIST
            || matching == Matching.MODALITIES_IN_STUDY;
    String value = list ? String.join(",", given) : single(attribute.keyword(), given).strip();
    if (value.isEmpty()) {
      return Optional.empty(); // universal matching: return the attribute, narrow nothing
    }
    String name = attribute.keyword();
    return Optional.of(
        switch (matching) {
          case UID_LIST -> new Match(attribute, items(name, value, UID, "UIDs"), null, null);
          case LIST, MODALITIES_IN_STUDY ->
              new Match(attribute, items(name, value, CODE, "codes such as CT"), null, null);
          case DATE_RANGE -> dateRange(attribute, value);
          case SINGLE_VALUE ->
              new Match(attribute, List.of(singleValue(attribute, value)), null, null);
          case WILDCARD -> {
            if (value.length() > 200) {
              throw new IllegalArgumentException(name + " is longer than 200 characters");
            }
            yield new Match(attribute, List.of(value), null, null);
          }
          case RETURN_ONLY, NOT_STORED -> throw new IllegalStateException("not matchable: " + name);
        });
  }

  private static String singleValue(QidoAttribute attribute, String value) {
    if (attribute.vr().equals("IS")) {
      if (!INTEGER.matcher(value).matches()) {
        throw new IllegalArgumentException(
            attribute.keyword() + " must be a whole number (got '" + value + "')");
      }
      return String.valueOf(Long.parseLong(value.replace("+", "")));
    }
    if (!CODE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          attribute.keyword() + " must be a code such as M, F or O (got '" + value + "')");
    }
    return value;
  }

  private static List<String> items(String name, String value, Pattern pattern, String what) {
    List<String> items =
        Arrays.stream(value.split("[,\\\\]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    for (String item : items) {
      if (item.length() > 64 || !pattern.matcher(item).matches()) {
        throw new IllegalArgumentException(
            name + " must be " + what + " separated by commas (got '" + item + "')");
      }
    }
    if (items.size() > 1000) {
      throw new IllegalArgumentException(name + " lists more than 1000 values");
    }
    return items;
  }

  private static Match dateRange(QidoAttribute attribute, String value) {
    String name = attribute.keyword();
    int dash = value.indexOf('-');
    if (dash != value.lastIndexOf('-')) {
      throw new IllegalArgumentException(dateMessage(name, value));
    }
    LocalDate from = dash < 0 ? date(name, value) : date(name, value.substring(0, dash));
    LocalDate to = dash < 0 ? from : date(name, value.substring(dash + 1));
    if (dash >= 0 && from == null && to == null) {
      throw new IllegalArgumentException(dateMessage(name, value));
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(name + " range ends before it starts ('" + value + "')");
    }
    return new Match(attribute, List.of(), from, to);
  }

  /** A DA value, or null for the open end of a range. */
  private static LocalDate date(String name, String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text, DA);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(dateMessage(name, text));
    }
  }

  private static String dateMessage(String name, String value) {
    return name
        + " must be a date YYYYMMDD or a range YYYYMMDD-YYYYMMDD, YYYYMMDD- or -YYYYMMDD (got '"
        + value
        + "')";
  }

  private static void includeFields(List<String> values, List<String> warnings) {
    for (String field : String.join(",", values).split(",")) {
      String key = field.strip();
      if (!key.isEmpty()
          && !key.equals("all")
          && QidoAttribute.byKeyOrTag(key).filter(QidoAttribute::isStored).isEmpty()) {
        warnings.add("includefield " + key + " is not an attribute RTDS stores; ignored");
      }
    }
  }

  private static void fuzzyMatching(String value, List<String> warnings) {
    switch (value) {
      case "false" -> {}
      case "true" -> warnings.add("fuzzymatching is not supported; names matched as given");
      default ->
          throw new IllegalArgumentException(
              "fuzzymatching must be true or false (got '" + value + "')");
    }
  }

  private static String single(String key, List<String> values) {
    if (values.size() != 1) {
      throw new IllegalArgumentException(
          key + " is given " + values.size() + " times; give it once");
    }
    return values.get(0);
  }

  private static int integer(String key, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        key + " must be a whole number from " + min + " to " + max + " (got '" + value + "')");
  }

  /** Whether a text is a DICOM UID: digits in dot-separated components, at most 64 characters. */
  public static boolean isUid(String text) {
    return text.length() <= 64 && UID.matcher(text).matches();
  }

  private static void pathUid(String what, String uid) {
    if (uid != null && !isUid(uid)) {
      throw new IllegalArgumentException(
          "the " + what + " UID in the path is not a DICOM UID (digits and dots, at most 64)");
    }
  }
}
