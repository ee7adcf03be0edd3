package org.rtds.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a resource method answers {@code 400} for malformed parameters, and when: {@link
 * OpenApiDocument} documents it. (An {@code @APIResponse} would do too, but Payara then no longer
 * generates the success answer from the return type.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Rejects {

  /** When the operation answers 400, e.g. "page or size is not a whole number in range". */
  String value();
}
