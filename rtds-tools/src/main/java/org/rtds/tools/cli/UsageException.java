package org.rtds.tools.cli;

/** A usage error of a command line (exit status {@link FolderCommand#USAGE}) with its message. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean helpHint;

  /**
   * A usage error followed by the hint to read the command's help.
   *
   * @param message what is wrong
   */
  public UsageException(String message) {
    this(message, true);
  }

  /**
   * @param message what is wrong
   * @param helpHint whether the hint to read the command's help follows the message
   */
  public UsageException(String message, boolean helpHint) {
    super(message);
    this.helpHint = helpHint;
  }

  /**
   * @return whether the hint to read the command's help follows the message
   */
  public boolean helpHint() {
    return helpHint;
  }
}
