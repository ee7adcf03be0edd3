package org.rtds.domain.schema;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MySQL/MariaDB column type as {@code information_schema.COLUMNS.COLUMN_TYPE} writes it (e.g.
 * {@code int(11)}, {@code smallint(5) unsigned}, {@code varchar(100)}, {@code datetime(6)}), and
 * the rule that decides whether a column of one type can stand in for a column of another
 * (ARCHITECTURE D27):
 *
 * <ul>
 *   <li>integers: the range must cover the expected range (int for int, bigint for int; not int for
 *       bigint, not signed for unsigned of the same size); display widths do not count, except that
 *       {@code tinyint(1)} is a boolean and matches only {@code tinyint(1)};
 *   <li>strings ({@code varchar} and the {@code text} types): at least as many characters ({@code
 *       text} types counted at 4 bytes per character); {@code char(n)} only for {@code char(m)}, m
 *       &le; n;
 *   <li>{@code double} for {@code float} or {@code double}, {@code decimal(p,s)} for a decimal with
 *       no fewer integer and fraction digits;
 *   <li>{@code datetime(n)} for {@code datetime(m)}, m &le; n (Django's {@code datetime(6)} for
 *       RTDS's {@code datetime}); likewise {@code time}; {@code date} only for {@code date};
 *   <li>any other type only for the same type.
 * </ul>
 *
 * These are the widenings Hibernate's schema validation also accepts (integral widening, the
 * varchar family, the floating-point family), so a column accepted here is readable by the
 * entities.
 */
record ColumnType(
    String text, Family family, BigInteger min, BigInteger max, long size, int scale) {

  enum Family {
    INTEGER,
    BOOLEAN,
    STRING,
    CHAR,
    FLOAT,
    DECIMAL,
    DATE,
    DATETIME,
    TIMESTAMP,
    TIME,
    OTHER
  }

  private static final Pattern TYPE =
      Pattern.compile("^([a-z ]+?)(?:\\(([^)]*)\\))?((?:\\s+(?:unsigned|signed|zerofill))*)$");

  /** Largest integer a double holds exactly (2^53). */
  private static final BigInteger DOUBLE_EXACT = BigInteger.TWO.pow(53);

  static ColumnType parse(String columnType) {
    String text = columnType.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m = TYPE.matcher(text);
    if (!m.matches()) {
      return other(text);
    }
    String base = m.group(1).trim();
    String args = m.group(2);
    boolean unsigned = m.group(3) != null && m.group(3).contains("unsigned");
    switch (base) {
      case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" -> {
        if (base.equals("tinyint") && "1".equals(args)) {
          return new ColumnType(text, Family.BOOLEAN, null, null, 0, 0);
        }
        int bits =
            switch (base) {
              case "tinyint" -> 8;
              case "smallint" -> 16;
              case "mediumint" -> 24;
              case "int", "integer" -> 32;
              default -> 64;
            };
        BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.TWO.pow(bits - 1).negate();
        BigInteger max =
            unsigned
                ? BigInteger.TWO.pow(bits).subtract(BigInteger.ONE)
                : BigInteger.TWO.pow(bits - 1).subtract(BigInteger.ONE);
        return new ColumnType(text, Family.INTEGER, min, max, 0, 0);
      }
      case "varchar" -> {
        return args == null ? other(text) : sized(text, Family.STRING, number(args));
      }
      case "char" -> {
        return sized(text, Family.CHAR, args == null ? 1 : number(args));
      }
      case "tinytext" -> {
        return sized(text, Family.STRING, 255 / 4);
      }
      case "text" -> {
        return sized(text, Family.STRING, 65_535 / 4);
      }
      case "mediumtext" -> {
        return sized(text, Family.STRING, 16_777_215L / 4);
      }
      case "longtext" -> {
        return sized(text, Family.STRING, 4_294_967_295L / 4);
      }
      case "float" -> {
        return args == null ? sized(text, Family.FLOAT, 1) : other(text);
      }
      case "double", "double precision", "real" -> {
        return args == null ? sized(text, Family.FLOAT, 2) : other(text);
      }
      case "decimal", "numeric", "dec" -> {
        String[] ps = args == null ? new String[] {"10"} : args.split(",");
        long precision = number(ps[0]);
        int scale = ps.length > 1 ? (int) number(ps[1]) : 0;
        return unsigned
            ? other(text)
            : new ColumnType(text, Family.DECIMAL, null, null, precision, scale);
      }
      case "date" -> {
        return sized(text, Family.DATE, 0);
      }
      case "datetime" -> {
        return sized(text, Family.DATETIME, args == null ? 0 : number(args));
      }
      case "timestamp" -> {
        return sized(text, Family.TIMESTAMP, args == null ? 0 : number(args));
      }
      case "time" -> {
        return sized(text, Family.TIME, args == null ? 0 : number(args));
      }
      default -> {
        return other(text);
      }
    }
  }

  /**
   * Whether a column of this type holds every value of a column of the other type and the entities
   * read it the same way.
   */
  boolean covers(ColumnType other) {
    if (family != other.family) {
      return false;
    }
    return switch (family) {
      case INTEGER -> min.compareTo(other.min) <= 0 && max.compareTo(other.max) >= 0;
      case BOOLEAN -> true;
      case STRING, CHAR, FLOAT, DATETIME, TIMESTAMP, TIME -> size >= other.size;
      case DECIMAL -> scale >= other.scale && size - scale >= other.size - other.scale;
      case DATE -> true;
      case OTHER -> text.equals(other.text);
    };
  }

  /**
   * Whether a migration that changes a column of the other type to this type keeps every value:
   * {@link #covers}, or an integer of at most 53 bits turned into a double (V2).
   */
  boolean keepsEveryValueOf(ColumnType other) {
    if (covers(other)) {
      return true;
    }
    return family == Family.FLOAT
        && size == 2
        && other.family == Family.INTEGER
        && other.max.compareTo(DOUBLE_EXACT) <= 0
        && other.min.negate().compareTo(DOUBLE_EXACT) <= 0;
  }

  @Override
  public String toString() {
    return text;
  }

  private static ColumnType sized(String text, Family family, long size) {
    return new ColumnType(text, family, null, null, size, 0);
  }

  private static ColumnType other(String text) {
    return new ColumnType(text, Family.OTHER, null, null, 0, 0);
  }

  private static long number(String digits) {
    try {
      return Long.parseLong(digits.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
