package org.rtds.web.ingest;

import java.io.IOException;

/** An upload's body is not valid MIME multipart; the message says where it went wrong. */
public final class MalformedMultipartException extends IOException {
  private static final long serialVersionUID = 1L;

  MalformedMultipartException(String message) {
    super("malformed multipart body: " + message);
  }
}
