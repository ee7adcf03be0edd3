package org.rtds.web.api;

import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * OpenAPI schemas of the Java types the API answers with, as JSON-B writes them: a record's
 * components (or a class's public fields) become properties, records and classes become named
 * components ({@code #/components/schemas/Name}), lists and arrays arrays, maps objects with {@code
 * additionalProperties}, java.time values ISO-8601 strings, enums their names; every property with
 * its description and example from {@link SchemaDescriptions}. JSON-B leaves null values out, so no
 * property is required.
 */
final class JavaSchemas {

  private final Components components;

  private final Map<Class<?>, String> named = new LinkedHashMap<>();

  /**
   * @param components where the named schemas go
   */
  JavaSchemas(Components components) {
    this.components = components;
  }

  /** The schema of a JSON array of {@code element}. */
  Schema listOf(Class<?> element) {
    return array(of(element));
  }

  /** The schema of a (possibly generic) Java type. */
  Schema of(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return array(of(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .additionalPropertiesSchema(of(args[1]));
      }
      return of(raw);
    }
    if (type instanceof GenericArrayType g) {
      return array(of(g.getGenericComponentType()));
    }
    if (!(type instanceof Class<?> c)) {
      return OASFactory.createSchema(); // a type variable: anything
    }
    if (c.isArray()) {
      return array(of(c.getComponentType()));
    }
    Schema simple = simple(c);
    if (simple != null) {
      return simple;
    }
    if (Collection.class.isAssignableFrom(c)) {
      return array(OASFactory.createSchema());
    }
    if (Map.class.isAssignableFrom(c) || JsonValue.class.isAssignableFrom(c)) {
      return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }
    return OASFactory.createSchema().ref("#/components/schemas/" + component(c));
  }

  private static Schema array(Schema items) {
    return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(items);
  }

  private static Schema simple(Class<?> c) {
    if (c == String.class || c == char.class || c == Character.class) {
      return type(Schema.SchemaType.STRING);
    }
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
      return type(Schema.SchemaType.INTEGER).format("int32");
    }
    if (c == long.class || c == Long.class) {
      return type(Schema.SchemaType.INTEGER).format("int64");
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return type(Schema.SchemaType.NUMBER);
    }
    if (c == boolean.class || c == Boolean.class) {
      return type(Schema.SchemaType.BOOLEAN);
    }
    if (c == LocalDate.class) {
      return type(Schema.SchemaType.STRING).format("date").description("ISO 8601 date");
    }
    if (c == LocalDateTime.class) {
      return type(Schema.SchemaType.STRING)
          .format("date-time")
          .description("ISO 8601, UTC, without offset");
    }
    if (c == Instant.class || c == OffsetDateTime.class) {
      return type(Schema.SchemaType.STRING).format("date-time");
    }
    if (c.isEnum()) {
      Schema e = type(Schema.SchemaType.STRING);
      for (Object constant : c.getEnumConstants()) {
        e.addEnumeration(((Enum<?>) constant).name());
      }
      return e;
    }
    return null;
  }

  private static Schema type(Schema.SchemaType type) {
    return OASFactory.createSchema().type(type);
  }

  /** A property's schema with its description and example ({@link SchemaDescriptions}). */
  private Schema described(Class<?> owner, String property, Type type) {
    Schema schema = of(type);
    SchemaDescriptions.description(owner, property).ifPresent(schema::setDescription);
    SchemaDescriptions.example(owner, property)
        .ifPresent(
            text -> {
              Schema.SchemaType kind = schema.getType();
              if (kind == Schema.SchemaType.INTEGER || kind == Schema.SchemaType.NUMBER) {
                // a wrong example must not break the document (SchemaDescriptionsTest finds it)
                try {
                  schema.setExample(new java.math.BigDecimal(text));
                } catch (NumberFormatException e) {
                  schema.setExample(null);
                }
              } else if (kind == Schema.SchemaType.BOOLEAN) {
                schema.setExample(Boolean.valueOf(text));
              } else if (kind == Schema.SchemaType.STRING) {
                schema.setExample(text);
              }
            });
    return schema;
  }

  /** The component name of a record or class, its schema made once. */
  private String component(Class<?> c) {
    String name = named.get(c);
    if (name != null) {
      return name;
    }
    name = c.getSimpleName();
    if (named.containsValue(name)) {
      name =
          c.getEnclosingClass() == null
              ? c.getName()
              : c.getEnclosingClass().getSimpleName() + name;
    }
    named.put(c, name);
    Schema schema = type(Schema.SchemaType.OBJECT);
    components.addSchema(name, schema); // before the properties: a record may refer to itself
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        schema.addProperty(
            component.getName(), described(c, component.getName(), component.getGenericType()));
      }
    } else {
      for (Field field : c.getFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          schema.addProperty(
              field.getName(), described(c, field.getName(), field.getGenericType()));
        }
      }
    }
    return name;
  }
}
