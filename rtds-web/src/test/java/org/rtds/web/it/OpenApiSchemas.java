package org.rtds.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.0 document (the subset MicroProfile OpenAPI
 * generates: {@code $ref}, {@code type}, {@code properties}, {@code required}, {@code items},
 * {@code additionalProperties}, {@code format} date/date-time, {@code enum}, {@code nullable}). A
 * property the schema does not declare is an error: the document must describe every field the API
 * sends. JSON-B leaves null fields out, so an absent property is never an error unless required.
 */
final class OpenApiSchemas {

  private final JsonObject schemas;

  OpenApiSchemas(JsonObject document) {
    JsonObject components = document.getJsonObject("components");
    this.schemas =
        components == null || !components.containsKey("schemas")
            ? JsonValue.EMPTY_JSON_OBJECT
            : components.getJsonObject("schemas");
  }

  /** The schema a {@code $ref} names. */
  JsonObject resolve(JsonObject schema) {
    int hops = 0;
    while (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      if (!schemas.containsKey(name) || ++hops > 20) {
        throw new AssertionError("unresolvable schema reference " + ref);
      }
      schema = schemas.getJsonObject(name);
    }
    return schema;
  }

  /**
   * Whether a schema says what its values hold: an object with properties (or a map's value
   * schema), an array whose items do, or a simple type; not a bare {@code object}.
   */
  boolean describes(JsonObject schema) {
    schema = resolve(schema);
    String type = schema.getString("type", schema.containsKey("properties") ? "object" : "");
    return switch (type) {
      case "object" ->
          schema.containsKey("properties") && !schema.getJsonObject("properties").isEmpty()
              || schema.get("additionalProperties") instanceof JsonObject;
      case "array" -> schema.containsKey("items") && describes(schema.getJsonObject("items"));
      case "" -> false;
      default -> true;
    };
  }

  /** The properties (paths) of a schema and the schemas it refers to that have no description. */
  List<String> undescribed(JsonObject schema) {
    List<String> missing = new ArrayList<>();
    undescribed(schema, "$", missing, new java.util.HashSet<>());
    return missing;
  }

  private void undescribed(
      JsonObject schema, String where, List<String> missing, java.util.Set<String> seen) {
    if (schema.containsKey("$ref") && !seen.add(schema.getString("$ref"))) {
      return;
    }
    schema = resolve(schema);
    if (schema.containsKey("items")) {
      undescribed(schema.getJsonObject("items"), where + "[]", missing, seen);
    }
    if (schema.containsKey("properties")) {
      for (Map.Entry<String, JsonValue> p : schema.getJsonObject("properties").entrySet()) {
        JsonObject property = p.getValue().asJsonObject();
        if (!property.containsKey("description") && !property.containsKey("$ref")) {
          missing.add(where + "." + p.getKey());
        }
        undescribed(property, where + "." + p.getKey(), missing, seen);
      }
    }
  }

  /** The mismatches of {@code value} against {@code schema}, each naming its JSON path. */
  List<String> check(JsonValue value, JsonObject schema) {
    List<String> errors = new ArrayList<>();
    check(value, schema, "$", errors);
    return errors;
  }

  private void check(JsonValue value, JsonObject schema, String where, List<String> errors) {
    schema = resolve(schema);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return; // JSON-P answers may carry explicit nulls; nothing more to check
    }
    if (schema.containsKey("allOf")) {
      for (JsonValue part : schema.getJsonArray("allOf")) {
        check(value, part.asJsonObject(), where, errors);
      }
    }
    String type = schema.containsKey("type") ? schema.getString("type") : null;
    if (type == null && schema.containsKey("properties")) {
      type = "object";
    }
    if (type == null) {
      return;
    }
    switch (type) {
      case "object" -> object(value, schema, where, errors);
      case "array" -> {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
          errors.add(where + ": expected an array, got " + value.getValueType());
          return;
        }
        JsonArray array = value.asJsonArray();
        JsonObject items =
            schema.containsKey("items")
                ? schema.getJsonObject("items")
                : JsonValue.EMPTY_JSON_OBJECT;
        for (int i = 0; i < array.size(); i++) {
          check(array.get(i), items, where + "[" + i + "]", errors);
        }
      }
      case "string" -> {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
          errors.add(where + ": expected a string, got " + value.getValueType());
          return;
        }
        String text = ((jakarta.json.JsonString) value).getString();
        String format = schema.getString("format", "");
        if (format.equals("date") && !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
          errors.add(where + ": '" + text + "' is not a date");
        }
        if (format.equals("date-time") && !text.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+.*")) {
          errors.add(where + ": '" + text + "' is not a date-time");
        }
        if (schema.containsKey("enum")
            && schema.getJsonArray("enum").stream()
                .noneMatch(e -> e.toString().equals("\"" + text + "\""))) {
          errors.add(where + ": '" + text + "' is not one of " + schema.getJsonArray("enum"));
        }
      }
      case "integer" -> {
        if (value.getValueType() != JsonValue.ValueType.NUMBER
            || !((JsonNumber) value).isIntegral()) {
          errors.add(where + ": expected an integer, got " + value);
        }
      }
      case "number" -> {
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
          errors.add(where + ": expected a number, got " + value.getValueType());
        }
      }
      case "boolean" -> {
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
          errors.add(where + ": expected true or false, got " + value);
        }
      }
      default -> errors.add(where + ": the document uses a type this check does not know: " + type);
    }
  }

  private void object(JsonValue value, JsonObject schema, String where, List<String> errors) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      errors.add(where + ": expected an object, got " + value.getValueType());
      return;
    }
    JsonObject object = value.asJsonObject();
    JsonObject properties =
        schema.containsKey("properties")
            ? schema.getJsonObject("properties")
            : JsonValue.EMPTY_JSON_OBJECT;
    JsonValue additional = schema.get("additionalProperties");
    if (schema.containsKey("required")) {
      for (JsonValue name : schema.getJsonArray("required")) {
        String n = ((jakarta.json.JsonString) name).getString();
        if (!object.containsKey(n)) {
          errors.add(where + ": required property '" + n + "' is missing");
        }
      }
    }
    for (Map.Entry<String, JsonValue> field : object.entrySet()) {
      String path = where + "." + field.getKey();
      if (properties.containsKey(field.getKey())) {
        check(field.getValue(), properties.getJsonObject(field.getKey()), path, errors);
      } else if (additional != null && additional.getValueType() == JsonValue.ValueType.OBJECT) {
        check(field.getValue(), additional.asJsonObject(), path, errors);
      } else if (!properties.isEmpty() && additional != JsonValue.TRUE) {
        errors.add(path + ": the document does not describe this property");
      }
    }
  }
}
