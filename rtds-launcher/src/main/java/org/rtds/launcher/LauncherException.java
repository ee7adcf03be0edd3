package org.rtds.launcher;

/** A failure the launcher reports to the user as one clear sentence, without a stack trace. */
final class LauncherException extends RuntimeException {

  LauncherException(String message) {
    super(message);
  }

  LauncherException(String message, Throwable cause) {
    super(message, cause);
  }
}
