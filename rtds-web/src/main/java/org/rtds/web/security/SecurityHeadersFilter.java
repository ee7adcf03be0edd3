package org.rtds.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.rtds.web.api.Problem;

/**
 * Security headers on every answer, and the size limit of every request that is not a DICOM upload
 * (those have their own limits, RTDS_MAX_OBJECT_MB / RTDS_MAX_REQUEST_MB):
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: only RTDS's own scripts, styles, images and form targets,
 *       no framing (PrimeFaces needs inline scripts and eval, so those stay allowed for 'self');
 *   <li>{@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff}, {@code
 *       Referrer-Policy: no-referrer}, {@code Permissions-Policy} without camera, microphone,
 *       geolocation; {@code Strict-Transport-Security} over HTTPS;
 *   <li>{@code Cache-Control: no-store} on API answers (patient data must not stay in caches);
 *   <li>bodies over {@value #MAX_BODY_BYTES} bytes (forms, JSON) are refused with 413, also when
 *       they come without a length (chunked, or an HTTP/2 stream: read into memory up to the limit,
 *       {@link BufferedBodyRequest}).
 * </ul>
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

  /** Largest body accepted outside the DICOM upload endpoints. */
  public static final long MAX_BODY_BYTES = 1 << 20;

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self';"
          + " base-uri 'self'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    HttpServletRequest checked = request;
    if (!upload(path)
        && request.getContentLengthLong() < 0
        && !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())) {
      // no length announced (chunked, or an HTTP/2 stream): read at most the limit, then let the
      // application read that
      checked = BufferedBodyRequest.read(request, MAX_BODY_BYTES);
    }
    if (checked == null || !upload(path) && request.getContentLengthLong() > MAX_BODY_BYTES) {
      new Problem(
              413,
              "Content Too Large",
              "request bodies here may have at most "
                  + MAX_BODY_BYTES
                  + " bytes (DICOM objects go to /api/v1/instances or /dicomweb/studies)")
          .send(response);
      return;
    }
    chain.doFilter(checked, response);
  }

  /** The DICOM upload endpoints, limited by RTDS's ingestion settings instead. */
  static boolean upload(String path) {
    return path.startsWith("/api/v1/instances")
        || path.startsWith("/dicomweb/")
        || path.equals("/upload.xhtml");
  }
}
