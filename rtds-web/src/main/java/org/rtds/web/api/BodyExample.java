package org.rtds.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON example of a resource method's request body: {@link OpenApiDocument} puts it into the
 * document, and {@code ApiContractIT} sends it, so every example is known to work.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyExample {

  /** The JSON text. */
  String value();
}
