package org.rtds.domain.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables and columns of the legacy dsrt schema as documented in docs/schema.md, read from its
 * machine-readable form {@code org/rtds/domain/testing/dsrt-schema.tsv} (a test resource of this
 * module): one line {@code table <TAB> column <TAB> type <TAB> documented_as} per column, in table
 * order; {@code documented_as} is set only where the original schema document spelled the column
 * differently (both spellings are accepted on adoption).
 */
public record DocumentedSchema(List<Table> tables) {

  private static final String RESOURCE = "dsrt-schema.tsv";
  private static final Pattern TYPE =
      Pattern.compile("([a-z]+)(?:\\((\\d+)\\))?(\\s+unsigned)?", Pattern.CASE_INSENSITIVE);

  /** A documented table and its columns in document order. */
  public record Table(String name, List<Column> columns) {}

  /**
   * A documented column.
   *
   * @param name the column name RTDS uses
   * @param type the type, lower case, e.g. {@code varchar(200)} or {@code smallint(5) unsigned}
   * @param documentedAs the spelling of the original schema document, or {@code name} itself
   */
  public record Column(String name, String type, String documentedAs) {

    public Column(String name, String type) {
      this(name, type, name);
    }

    /** Every accepted spelling of the column name: {@link #name}, then {@link #documentedAs}. */
    public List<String> acceptedNames() {
      return name.equals(documentedAs) ? List.of(name) : List.of(name, documentedAs);
    }

    /** The type without length, e.g. {@code varchar}. */
    public String baseType() {
      return typeMatcher().group(1).toLowerCase(Locale.ROOT);
    }

    /** The declared length or display width, or -1 if there is none. */
    public int length() {
      String length = typeMatcher().group(2);
      return length == null ? -1 : Integer.parseInt(length);
    }

    private Matcher typeMatcher() {
      Matcher matcher = TYPE.matcher(type);
      if (!matcher.matches()) {
        throw new IllegalStateException("Unparseable type of column " + name + ": " + type);
      }
      return matcher;
    }
  }

  /** Reads {@code dsrt-schema.tsv} from the class path. */
  public static DocumentedSchema load() {
    try (InputStream in = DocumentedSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Missing test resource org/rtds/domain/testing/" + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** Parses the TSV lines: comments ({@code #}), blank lines and the header line are skipped. */
  public static DocumentedSchema parse(List<String> lines) {
    Map<String, List<Column>> tables = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("table\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()) {
        throw new IllegalArgumentException("Not a 'table, column, type' line: " + line);
      }
      String documentedAs = f.length > 3 && !f[3].isBlank() ? f[3].strip() : f[1].strip();
      tables
          .computeIfAbsent(f[0].strip(), t -> new ArrayList<>())
          .add(new Column(f[1].strip(), f[2].strip().toLowerCase(Locale.ROOT), documentedAs));
    }
    List<Table> result = new ArrayList<>();
    tables.forEach((name, columns) -> result.add(new Table(name, List.copyOf(columns))));
    return new DocumentedSchema(List.copyOf(result));
  }

  public Table table(String name) {
    return tables.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No documented table " + name));
  }

  public List<String> tableNames() {
    return tables.stream().map(Table::name).toList();
  }

  public int columnCount() {
    return tables.stream().mapToInt(t -> t.columns().size()).sum();
  }
}
