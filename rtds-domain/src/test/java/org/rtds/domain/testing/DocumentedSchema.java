package org.rtds.domain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables and columns of shared/spec/dsrt-schema.md, read from the document itself so that the
 * tests check the schema against the contract and not against a copy of it.
 *
 * <p>A line {@code #### `name`} starts a table; a line that starts with {@code **column**} and has
 * a backticked type after it starts a column. The document writes these in several ways, all
 * accepted: {@code **id**, `int(11)`}, {@code **name** `varchar(80)` -> ...}, {@code **DVHType** ->
 * `varchar(10)`}, {@code **fk_study_id_id**`int(11)`}, {@code **id**-> `int(11)`}.
 */
public record DocumentedSchema(List<Table> tables) {

  private static final Pattern TABLE = Pattern.compile("^####\\s+`([^`]+)`");
  private static final Pattern COLUMN = Pattern.compile("^\\*\\*([^*]+)\\*\\*[^`]*`([^`]+)`");
  private static final Pattern TYPE =
      Pattern.compile("([a-z]+)(?:\\((\\d+)\\))?(\\s+unsigned)?", Pattern.CASE_INSENSITIVE);

  /** A documented table and its columns in document order. */
  public record Table(String name, List<Column> columns) {}

  /**
   * A documented column.
   *
   * @param type the type as written, lower case, e.g. {@code varchar(200)} or {@code smallint(5)
   *     unsigned}
   */
  public record Column(String name, String type) {

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

  /** Reads {@code ${rtds.shared.dir}/spec/dsrt-schema.md}. */
  public static DocumentedSchema load() {
    String sharedDir = System.getProperty("rtds.shared.dir");
    if (sharedDir == null) {
      throw new IllegalStateException(
          "System property rtds.shared.dir is not set (the parent POM passes it to Surefire and"
              + " Failsafe: the folder that holds spec/dsrt-schema.md)");
    }
    Path document = Path.of(sharedDir, "spec", "dsrt-schema.md");
    try {
      return parse(Files.readAllLines(document));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the schema document " + document, e);
    }
  }

  public static DocumentedSchema parse(List<String> lines) {
    List<Table> tables = new ArrayList<>();
    List<Column> columns = null;
    for (String line : lines) {
      Matcher table = TABLE.matcher(line);
      if (table.find()) {
        columns = new ArrayList<>();
        tables.add(new Table(table.group(1), columns));
        continue;
      }
      Matcher column = COLUMN.matcher(line);
      if (columns != null && column.find()) {
        columns.add(
            new Column(column.group(1).trim(), column.group(2).trim().toLowerCase(Locale.ROOT)));
      }
    }
    return new DocumentedSchema(
        tables.stream().map(t -> new Table(t.name(), List.copyOf(t.columns()))).toList());
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
