package org.rtds.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a resource method answers {@code 409 Conflict}, and when: {@link OpenApiDocument}
 * documents it (like {@link Rejects} for 400).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Conflicts {

  /** When the operation answers 409, e.g. "the same constraint exists". */
  String value();
}
