package org.rtds.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.rtds.web.api.Problem;
import org.rtds.web.boot.RtdsConfig;

/**
 * Cross-origin access to the API and DICOMweb for browser applications of other origins (a web
 * viewer, an OIS page), off unless {@code RTDS_CORS_ORIGINS} names origins. A listed origin gets
 * {@code Access-Control-Allow-Origin} on its answers and its preflight ({@code OPTIONS}, which
 * needs no account: web.xml leaves it unprotected) is answered here. Credentials are never allowed
 * cross-origin: a page of another origin authenticates with an API token in the {@code
 * Authorization} header, never with an RTDS session cookie.
 *
 * <p>Every {@code OPTIONS} request ends here: a preflight of an origin not listed gets 403, other
 * {@code OPTIONS} requests 204 with {@code Allow}; none reaches the application.
 */
@WebFilter(urlPatterns = {"/api/*", "/dicomweb/*"})
public class CorsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

  static final String REQUEST_HEADERS =
      "Authorization, Content-Type, Accept, If-None-Match, Content-Disposition";

  static final String EXPOSED_HEADERS =
      "ETag, Link, Location, Retry-After, Warning, X-Total-Count, Content-Disposition";

  /** Preflight answers may be cached by the browser this long (seconds). */
  static final String MAX_AGE = "600";

  @Inject transient RtdsConfig config;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    boolean allowed = origin != null && allowed(config.corsOrigins(), origin);
    if ("OPTIONS".equals(request.getMethod())) {
      boolean preflight =
          origin != null && request.getHeader("Access-Control-Request-Method") != null;
      if (preflight && !allowed) {
        new Problem(
                403,
                "Forbidden",
                "cross-origin requests from " + origin + " are not allowed (RTDS_CORS_ORIGINS)")
            .send(response);
        return;
      }
      if (preflight) {
        allow(response, origin);
        response.setHeader("Access-Control-Allow-Methods", METHODS);
        response.setHeader("Access-Control-Allow-Headers", REQUEST_HEADERS);
        response.setHeader("Access-Control-Max-Age", MAX_AGE);
      }
      response.setHeader("Allow", METHODS);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    if (allowed) {
      allow(response, origin);
      response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    } else if (origin != null) {
      response.addHeader("Vary", "Origin");
    }
    chain.doFilter(request, response);
  }

  private static void allow(HttpServletResponse response, String origin) {
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.addHeader("Vary", "Origin");
  }

  /** Whether {@code origin} is one of {@code origins} (exact, case-insensitive; {@code *}: any). */
  static boolean allowed(List<String> origins, String origin) {
    for (String o : origins) {
      if (o.equals("*") || o.equalsIgnoreCase(origin)) {
        return true;
      }
    }
    return false;
  }
}
