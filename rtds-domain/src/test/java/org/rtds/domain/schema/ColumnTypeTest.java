package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which found column type may stand in for an expected one (ARCHITECTURE D27). */
class ColumnTypeTest {

  @ParameterizedTest(name = "{1} for {0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "int(11)              | int(11)             | true",
        "int(11)              | int                 | true", // MySQL 8 drops the display width
        "int(11)              | bigint(20)          | true",
        "int(11)              | int(10) unsigned    | false",
        "int(11)              | smallint(6)         | false",
        "bigint(20)           | int(11)             | false",
        "smallint(5) unsigned | int(11)             | true",
        "smallint(5) unsigned | smallint(6)         | false",
        "tinyint(1)           | tinyint(1)          | true",
        "tinyint(1)           | int(11)             | false",
        "varchar(100)         | varchar(100)        | true",
        "varchar(100)         | varchar(255)        | true",
        "varchar(100)         | varchar(64)         | false",
        "varchar(100)         | longtext            | true",
        "varchar(100)         | tinytext            | false",
        "varchar(100)         | char(100)           | false",
        "longtext             | longtext            | true",
        "longtext             | mediumtext          | false",
        "char(64)             | char(64)            | true",
        "double               | double              | true",
        "double               | float               | false",
        "float                | double              | true",
        "double               | int(11)             | false",
        "date                 | date                | true",
        "date                 | int(11)             | false",
        "date                 | datetime            | false",
        "datetime             | datetime(6)         | true",
        "datetime(6)          | datetime            | false",
        "datetime             | timestamp           | false",
        "decimal(10,2)        | decimal(12,3)       | true",
        "decimal(10,2)        | decimal(10,3)       | false",
        "enum('a','b')        | enum('a','b')       | true",
        "enum('a','b')        | enum('a')           | false",
      })
  void aFoundTypeCoversAnExpectedOneWhenItIsTheSameOrWider(
      String expected, String found, boolean covers) {
    assertThat(ColumnType.parse(found).covers(ColumnType.parse(expected))).isEqualTo(covers);
  }

  @ParameterizedTest(name = "{0} changed to {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "int(11)      | double       | true", // V2: every int is a double exactly
        "bigint(20)   | double       | false",
        "varchar(50)  | varchar(64)  | true", // V2
        "varchar(100) | varchar(64)  | false",
        "double       | int(11)      | false",
      })
  void aMigrationMayChangeATypeOnlyIfEveryValueFits(String found, String target, boolean keeps) {
    assertThat(ColumnType.parse(target).keepsEveryValueOf(ColumnType.parse(found)))
        .isEqualTo(keeps);
  }
}
