package org.rtds.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The successful answer of a resource method whose Java signature does not say it (it returns a
 * {@code Response}, or answers another status than 200): {@link OpenApiDocument} documents it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Success {

  /** The status, e.g. 201 for a creation. */
  int status() default 200;

  /** The body's type; {@code Void.class} for none. */
  Class<?> type() default Void.class;

  /** Whether the body is a JSON array of {@link #type()}. */
  boolean list() default false;

  /** What the answer means, e.g. "the token, shown only in this answer". */
  String description() default "";
}
