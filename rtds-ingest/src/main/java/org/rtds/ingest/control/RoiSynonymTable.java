package org.rtds.ingest.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The synonym table that maps clinical spellings of organ, outline and support-structure names to
 * AAPM TG-263 standard names and roles. It is data, not code, so that physicists can extend it: the
 * bundled table is {@value #RESOURCE}, whose header documents the format.
 *
 * <p>The table is checked completely when it is read, and any mistake is an error naming the line:
 * a spelling that would map to two standard names, a synonym that carries a side in an unpaired
 * row, a synonym the classifier could never reach (it reads as a target, a helper structure or a
 * PRV), an unknown role, a standard name over TG-263's 16 characters. A table that loads is
 * therefore unambiguous: one spelling, one standard name.
 *
 * <p>Spellings are compared by their key: words split at separators and CamelCase boundaries, lower
 * case, joined ({@code "Spinal Cord"}, {@code "spinal_cord"} and {@code "SpinalCord"} are one key).
 * Sided names ({@code Parotid L}) are looked up among the paired rows by the key without the side;
 * unsided names among the other rows. The two are separate, so {@code Lung} can mean {@code
 * Lung_L}/{@code Lung_R} with a side and {@code Lungs} without.
 */
public final class RoiSynonymTable {

  /** The bundled table, on the class path. */
  public static final String RESOURCE = "/org/rtds/ingest/roi-synonyms.tsv";

  private static final String PAIRED_SUFFIX = "_L/R";
  private static final String NO_STANDARD_NAME = "-";
  private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern COLUMNS = Pattern.compile("\t+");
  private static final Pattern SYNONYM_SEPARATOR = Pattern.compile("\\|");

  /** A role as the table writes it; two of them depend on the DICOM RT ROI Interpreted Type. */
  enum TableRole {
    /** An organ at risk. */
    OAR(RoiRole.OAR),
    /** An organ that is often itself the target: a target interpreted type gives the role. */
    OAR_OR_TARGET(RoiRole.OAR),
    /** An organ some systems use as the outline's name: interpreted type EXTERNAL makes it so. */
    OAR_OR_EXTERNAL(RoiRole.OAR),
    /** The body outline. */
    EXTERNAL(RoiRole.EXTERNAL),
    /** Support, markers, points, devices. */
    OTHER(RoiRole.OTHER);

    private final RoiRole defaultRole;

    TableRole(RoiRole defaultRole) {
      this.defaultRole = defaultRole;
    }

    /** The role when the interpreted type does not change it. */
    RoiRole defaultRole() {
      return defaultRole;
    }
  }

  /**
   * One row of the table.
   *
   * @param root the standard name, without the side for a paired row ({@code Parotid}); null when
   *     the row declares no standard name ({@code -})
   * @param paired true for a {@code Name_L/R} row
   * @param role the role as written
   * @param line the line number in the source, for error messages and the audit rule
   * @param declared the first column as written ({@code Parotid_L/R})
   */
  record Entry(String root, boolean paired, TableRole role, int line, String declared) {}

  /**
   * A spelling as written in the table, with its row.
   *
   * @param written the synonym as written
   * @param entry its row
   */
  record Synonym(String written, Entry entry) {}

  private static final class BundledHolder {
    private static final RoiSynonymTable BUNDLED = loadBundled();
  }

  private final String source;
  private final List<Entry> entries;
  private final List<Synonym> synonyms;
  private final Map<String, Entry> sided;
  private final Map<String, Entry> unsided;

  private RoiSynonymTable(
      String source,
      List<Entry> entries,
      List<Synonym> synonyms,
      Map<String, Entry> sided,
      Map<String, Entry> unsided) {
    this.source = source;
    this.entries = List.copyOf(entries);
    this.synonyms = List.copyOf(synonyms);
    this.sided = Map.copyOf(sided);
    this.unsided = Map.copyOf(unsided);
  }

  /**
   * The bundled table ({@value #RESOURCE}), read and checked once per class loader.
   *
   * @throws IllegalStateException if the bundled table is missing or invalid (a packaging error)
   */
  public static RoiSynonymTable bundled() {
    return BundledHolder.BUNDLED;
  }

  private static RoiSynonymTable loadBundled() {
    InputStream in = RoiSynonymTable.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          "the ROI synonym table " + RESOURCE + " is not on the class path");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(reader, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ROI synonym table " + RESOURCE, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the bundled ROI synonym table is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * Reads and checks a table in the documented format (e.g. a clinic's own table).
   *
   * @param reader the table text; not closed
   * @param source a name for the table in error messages, e.g. its file name
   * @throws IllegalArgumentException naming the source and line of the first mistake
   * @throws IOException if the reader fails
   */
  public static RoiSynonymTable read(Reader reader, String source) throws IOException {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(source, "source");
    List<Entry> entries = new ArrayList<>();
    List<Synonym> synonyms = new ArrayList<>();
    Map<String, Entry> sided = new HashMap<>();
    Map<String, Entry> unsided = new HashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      String where = source + " line " + lineNumber + ": ";
      String[] columns = COLUMNS.split(content);
      if (columns.length != 3) {
        throw new IllegalArgumentException(
            where
                + "expected 3 TAB-separated columns (standard_name, role, synonyms), found "
                + columns.length);
      }
      Entry entry = entry(columns[0].strip(), columns[1].strip(), lineNumber, where);
      entries.add(entry);
      List<String> written = new ArrayList<>();
      if (entry.root() != null) {
        written.add(entry.root());
      }
      for (String synonym : SYNONYM_SEPARATOR.split(columns[2])) {
        if (!synonym.isBlank()) {
          written.add(synonym.strip());
        }
      }
      if (written.isEmpty()) {
        throw new IllegalArgumentException(where + "no synonyms");
      }
      for (String synonym : written) {
        String key = checkedKey(synonym, where);
        Map<String, Entry> map = entry.paired() ? sided : unsided;
        Entry earlier = map.putIfAbsent(key, entry);
        if (earlier != null && earlier != entry && !sameMeaning(earlier, entry)) {
          throw new IllegalArgumentException(
              where
                  + "synonym \""
                  + synonym
                  + "\" maps to "
                  + entry.declared()
                  + " here and to "
                  + earlier.declared()
                  + " on line "
                  + earlier.line()
                  + " (spellings are compared without case and separators)");
        }
        synonyms.add(new Synonym(synonym, entry));
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(source + ": the table has no rows");
    }
    return new RoiSynonymTable(source, entries, synonyms, sided, unsided);
  }

  private static boolean sameMeaning(Entry a, Entry b) {
    return Objects.equals(a.root(), b.root()) && a.paired() == b.paired() && a.role() == b.role();
  }

  private static Entry entry(String standard, String roleText, int line, String where) {
    TableRole role;
    try {
      role = TableRole.valueOf(roleText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where
              + "unknown role \""
              + roleText
              + "\" (OAR, OAR_OR_TARGET, OAR_OR_EXTERNAL, EXTERNAL or OTHER; targets are"
              + " recognised by the target grammar, not listed)",
          e);
    }
    if (standard.equals(NO_STANDARD_NAME)) {
      return new Entry(null, false, role, line, standard);
    }
    boolean paired = standard.endsWith(PAIRED_SUFFIX);
    String root =
        paired ? standard.substring(0, standard.length() - PAIRED_SUFFIX.length()) : standard;
    if (!STANDARD_NAME.matcher(root).matches()) {
      throw new IllegalArgumentException(
          where
              + "standard name \""
              + standard
              + "\" is not a TG-263 name (letters, digits and '_'; Name_L/R for a paired organ;"
              + " '-' for none)");
    }
    String longest = paired ? root + "_L" : root;
    if (longest.length() > RoiNames.TG263_MAX_LENGTH) {
      throw new IllegalArgumentException(
          where
              + "standard name \""
              + longest
              + "\" is longer than TG-263's "
              + RoiNames.TG263_MAX_LENGTH
              + " characters");
    }
    if (paired && RoiNames.hasSideAtAnEnd(RoiNames.words(root))) {
      throw new IllegalArgumentException(
          where + "paired name \"" + standard + "\" has a side already");
    }
    return new Entry(root, paired, role, line, standard);
  }

  /** The key of a synonym, after checking that the classifier can reach it. */
  private static String checkedKey(String synonym, String where) {
    String clean = RoiNames.clean(synonym);
    List<String> words = RoiNames.words(clean);
    String quoted = "synonym \"" + synonym + "\" ";
    if (words.isEmpty()) {
      throw new IllegalArgumentException(where + quoted + "has no letters or digits");
    }
    if (RoiNames.hasSideAtAnEnd(words)
        || (words.size() == 1 && RoiNames.side(words.get(0)).isPresent())) {
      throw new IllegalArgumentException(
          where
              + quoted
              + "starts or ends with a side; sides are recognised in names, write the row as"
              + " Name_L/R with side-less synonyms");
    }
    Optional<String> helper = RoiNames.helperReason(clean);
    if (helper.isPresent()) {
      throw new IllegalArgumentException(
          where + quoted + "would be read as a planning helper structure (" + helper.get() + ")");
    }
    if (RoiNames.target(clean).isPresent() || RoiNames.organMinusTarget(clean).isPresent()) {
      throw new IllegalArgumentException(
          where + quoted + "would be read by the target grammar; targets are not listed here");
    }
    if (RoiNames.prv(clean).isPresent()) {
      throw new IllegalArgumentException(
          where + quoted + "would be read as a PRV; PRVs are derived from their organ's row");
    }
    return RoiNames.key(words);
  }

  /** The row for a name that had a side, by the key of the name without its side. */
  Optional<Entry> sided(String key) {
    return Optional.ofNullable(sided.get(key));
  }

  /** The row for a name without a side, by its key. */
  Optional<Entry> unsided(String key) {
    return Optional.ofNullable(unsided.get(key));
  }

  /** The rows in file order. */
  List<Entry> entries() {
    return entries;
  }

  /** Every synonym as written, standard names included, in file order. */
  List<Synonym> synonyms() {
    return synonyms;
  }

  /** Where the table came from, e.g. {@value #RESOURCE}. */
  public String source() {
    return source;
  }

  /** The number of rows (structures, a paired organ counting once). */
  public int structureCount() {
    return entries.size();
  }

  /**
   * The number of distinct spellings the table recognises (keys, standard names included), not
   * counting the sides and case and separator variants that each of them also matches.
   */
  public int synonymCount() {
    return sided.size() + unsided.size();
  }

  @Override
  public String toString() {
    return "RoiSynonymTable["
        + source
        + ", "
        + structureCount()
        + " structures, "
        + synonymCount()
        + " synonyms]";
  }
}
