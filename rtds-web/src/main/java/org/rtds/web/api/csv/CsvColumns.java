package org.rtds.web.api.csv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The CSV header of a {@link CsvRows} representation: snake_case column names, units in them. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CsvColumns {

  /** The column names, in order. */
  String[] value();
}
