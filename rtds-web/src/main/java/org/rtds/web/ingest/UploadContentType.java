package org.rtds.web.ingest;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request's Content-Type header as the ingestion channels read it: the media type and its
 * parameters (RFC 9110 §8.3.1, RFC 2045 §5.1), parsed leniently because real DICOMweb clients bend
 * the grammar. It never throws: what cannot be read is left out, and the caller says what is
 * missing.
 *
 * <p>Read: parameters in any order, names in any case ({@code Boundary=}), values as tokens or
 * quoted strings (spaces, {@code ;} and backslash escapes inside quotes), white space around {@code
 * ;} and {@code =}, an unterminated quote (the value runs to the end), parameters without a value
 * (ignored), and characters RFC 2045 does not allow in a token (kept: a boundary like {@code a/b?c}
 * works unquoted).
 *
 * @param mediaType "type/subtype" in lower case; empty when the header is missing or has none
 * @param parameters parameter values by name (case-insensitive); the first of repeated names wins
 */
public record UploadContentType(String mediaType, Map<String, String> parameters) {

  /** An absent Content-Type. */
  public static final UploadContentType NONE = new UploadContentType("", Map.of());

  public UploadContentType {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(parameters);
    parameters = Collections.unmodifiableMap(copy);
  }

  /** A parameter's value, if present. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /** Whether the media type is {@code multipart/*}. */
  public boolean isMultipart() {
    return mediaType.startsWith("multipart/");
  }

  /**
   * Parses a Content-Type header value.
   *
   * @param header the value, or null
   */
  public static UploadContentType parse(String header) {
    if (header == null || header.isBlank()) {
      return NONE;
    }
    int semicolon = header.indexOf(';');
    String type =
        (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int i = semicolon < 0 ? header.length() : semicolon + 1;
    while (i < header.length()) {
      // name
      int nameStart = i;
      while (i < header.length() && header.charAt(i) != '=' && header.charAt(i) != ';') {
        i++;
      }
      String name = header.substring(nameStart, i).trim();
      if (i >= header.length() || header.charAt(i) == ';') {
        i++; // a parameter without a value: ignored
        continue;
      }
      i++; // '='
      while (i < header.length() && isWhite(header.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < header.length() && header.charAt(i) == '"') {
        i++;
        while (i < header.length() && header.charAt(i) != '"') {
          char c = header.charAt(i++);
          if (c == '\\' && i < header.length()) {
            c = header.charAt(i++);
          }
          value.append(c);
        }
        i++; // the closing quote (or past the end)
        while (i < header.length() && header.charAt(i) != ';') {
          i++; // anything between the closing quote and ';' is ignored
        }
      } else {
        while (i < header.length() && header.charAt(i) != ';') {
          value.append(header.charAt(i++));
        }
        String trimmed = value.toString().trim();
        value.setLength(0);
        value.append(trimmed);
      }
      i++; // ';'
      if (!name.isEmpty()) {
        parameters.putIfAbsent(name, value.toString());
      }
    }
    return new UploadContentType(type, parameters);
  }

  private static boolean isWhite(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public String toString() {
    return mediaType.isEmpty() ? "(none)" : mediaType;
  }
}
