package org.rtds.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Strong entity tags on every successful {@code GET} of the API: the representation is written once
 * into memory, its SHA-256 (with the media type) becomes the {@code ETag}, and a request whose
 * {@code If-None-Match} names it gets {@code 304 Not Modified} without a body. The tag depends only
 * on the bytes the caller would receive, so two nodes sharing one database give the same tag for
 * the same state, and a caller who sees other data (another hospital) gets another tag.
 *
 * <p>Representations stay {@code Cache-Control: no-store} (patient data is not kept by shared
 * caches); a partner system keeps its own copy and revalidates with {@code If-None-Match}.
 */
@Provider
@Priority(
    Priorities.USER
        + 100) // response filters run highest first: after PagingLinks, before the audit
public class EntityTags implements ContainerResponseFilter {

  @Context Providers providers;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    if (!HttpMethod.GET.equals(request.getMethod())
        || response.getStatus() != 200
        || !response.hasEntity()
        || streamed(response.getEntity())) {
      return;
    }
    MediaType type = response.getMediaType();
    @SuppressWarnings({"rawtypes", "unchecked"})
    MessageBodyWriter<Object> writer =
        (MessageBodyWriter)
            providers.getMessageBodyWriter(
                response.getEntityClass(),
                response.getEntityType(),
                response.getEntityAnnotations(),
                type);
    if (writer == null) {
      return; // JAX-RS answers 500 for it later, as without this filter
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writer.writeTo(
        response.getEntity(),
        response.getEntityClass(),
        response.getEntityType(),
        response.getEntityAnnotations(),
        type,
        response.getHeaders(),
        body);
    byte[] bytes = body.toByteArray();
    String tag = tag(String.valueOf(response.getHeaderString(HttpHeaders.CONTENT_TYPE)), bytes);
    response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
      response.setStatusInfo(Response.Status.NOT_MODIFIED);
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
      return;
    }
    response.setEntity(bytes, response.getEntityAnnotations(), type);
  }

  /** The quoted tag of a representation: SHA-256 of media type and bytes, base64url, 22 chars. */
  static String tag(String mediaType, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(mediaType.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
      byte[] digest = sha.digest(body);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * RFC 9110 §13.1.2: {@code If-None-Match} is {@code *} or a list of tags compared weakly (a
   * {@code W/} prefix is ignored).
   */
  static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : List.of(ifNoneMatch.split(","))) {
      String c = candidate.trim();
      if (c.equals("*")) {
        return true;
      }
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static boolean streamed(Object entity) {
    return entity instanceof StreamingOutput
        || entity instanceof InputStream
        || entity instanceof File
        || entity instanceof Path;
  }
}
