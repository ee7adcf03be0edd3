package org.rtds.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What each property of the API's answers means, with its unit and an example, for the OpenAPI
 * document: read from {@value #RESOURCE}, keyed {@code Type.property} (the record's simple name) or
 * {@code *.property} for a name that means the same everywhere ({@code studyInstanceUid}). {@code
 * SchemaDescriptionsTest} checks that every property of every answer has one.
 */
public final class SchemaDescriptions {

  static final String RESOURCE = "schema-descriptions.properties";

  private static final Properties TEXTS = load();

  private SchemaDescriptions() {}

  /** The description of a property of an answer type, if the file has one. */
  public static Optional<String> description(Class<?> owner, String property) {
    return text(owner, property, "");
  }

  /** The example of a property, if the file has one. */
  public static Optional<String> example(Class<?> owner, String property) {
    return text(owner, property, ".example");
  }

  private static Optional<String> text(Class<?> owner, String property, String suffix) {
    String own = TEXTS.getProperty(owner.getSimpleName() + "." + property + suffix);
    return Optional.ofNullable(own != null ? own : TEXTS.getProperty("*." + property + suffix));
  }

  /**
   * The record and class types the API answers with, reachable from the resources' return types and
   * {@link Success} types through their components (for the completeness test).
   */
  public static Set<Class<?>> answerTypes() {
    Set<Class<?>> found = new LinkedHashSet<>();
    for (Class<?> resource : OpenApiDocument.RESOURCES) {
      for (Method m : resource.getMethods()) {
        if (m.getAnnotation(jakarta.ws.rs.GET.class) == null
            && m.getAnnotation(jakarta.ws.rs.POST.class) == null
            && m.getAnnotation(jakarta.ws.rs.PUT.class) == null
            && m.getAnnotation(jakarta.ws.rs.DELETE.class) == null) {
          continue;
        }
        Success success = m.getAnnotation(Success.class);
        reach(success != null ? success.type() : m.getGenericReturnType(), found);
      }
    }
    return found;
  }

  private static void reach(Type type, Set<Class<?>> found) {
    if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) {
        reach(argument, found);
      }
      return;
    }
    if (!(type instanceof Class<?> c)) {
      return;
    }
    if (c.isArray()) {
      reach(c.getComponentType(), found);
      return;
    }
    if (c.isPrimitive()
        || c.isEnum()
        || c.getName().startsWith("java.")
        || c.getName().startsWith("jakarta.")
        || Collection.class.isAssignableFrom(c)
        || Map.class.isAssignableFrom(c)
        || c == Void.class
        || !found.add(c)) {
      return;
    }
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        reach(component.getGenericType(), found);
      }
    }
  }

  private static Properties load() {
    Properties texts = new Properties();
    try (InputStream in = SchemaDescriptions.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }
}
