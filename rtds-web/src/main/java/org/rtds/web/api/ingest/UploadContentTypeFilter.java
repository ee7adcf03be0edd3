package org.rtds.web.api.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.regex.Pattern;
import org.rtds.web.ingest.UploadContentType;

/**
 * Hands {@code POST /api/v1/instances} to JAX-RS with its Content-Type rewritten in strict RFC 9110
 * syntax: the media type, then every parameter as {@code name="value"}. Jersey parses the header
 * before the resource runs and answers a bare 400 (an HTML error page, not a problem document) to
 * what real clients send, e.g. {@code type=application/dicom} unquoted ('/' is not a token
 * character); {@link UploadContentType} reads those, and its reading is what Jersey gets. A header
 * whose media type is not {@code token/token} is left alone.
 */
@WebFilter(urlPatterns = "/api/v1/instances")
public class UploadContentTypeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String original = request.getContentType();
    String strict = strict(original);
    if (strict == null || strict.equals(original)) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getContentType() {
            return strict;
          }

          @Override
          public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? strict : super.getHeader(name);
          }

          @Override
          public Enumeration<String> getHeaders(String name) {
            return "content-type".equalsIgnoreCase(name)
                ? Collections.enumeration(java.util.List.of(strict))
                : super.getHeaders(name);
          }
        },
        response);
  }

  /** The header in strict syntax, or null to leave it as it is. */
  static String strict(String header) {
    UploadContentType parsed = UploadContentType.parse(header);
    if (!MEDIA_TYPE.matcher(parsed.mediaType()).matches()) {
      return null;
    }
    StringBuilder strict = new StringBuilder(parsed.mediaType());
    for (Map.Entry<String, String> parameter : parsed.parameters().entrySet()) {
      if (TOKEN.matcher(parameter.getKey()).matches()) {
        strict
            .append("; ")
            .append(parameter.getKey())
            .append("=\"")
            .append(parameter.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
            .append('"');
      }
    }
    return strict.toString();
  }
}
