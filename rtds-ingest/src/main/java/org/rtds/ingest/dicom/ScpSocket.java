package org.rtds.ingest.dicom;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * A connection of {@link DicomStoreListener} that notices when the library has answered an
 * A-RELEASE-RQ: the library then waits up to 5 s on the association before closing the connection,
 * and closing the socket under it during that wait makes it log an error, so the listener wakes it
 * instead (see {@link DicomStoreListener}).
 */
final class ScpSocket extends Socket {

  /** A-RELEASE-RP (PS3.8 9.3.7): type 06, reserved, length 4, 4 reserved bytes. */
  private static final int RELEASE_RP_LENGTH = 10;

  private volatile boolean releaseAnswered;
  private OutputStream out;

  /** Returns whether an A-RELEASE-RP was sent on this connection. */
  boolean releaseAnswered() {
    return releaseAnswered;
  }

  @Override
  public synchronized OutputStream getOutputStream() throws IOException {
    if (out == null) {
      out = new Watcher(super.getOutputStream());
    }
    return out;
  }

  private final class Watcher extends FilterOutputStream {
    Watcher(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      // The library writes each PDU it sends with one call.
      if (length == RELEASE_RP_LENGTH && bytes[offset] == 0x06 && bytes[offset + 5] == 0x04) {
        releaseAnswered = true;
      }
      out.write(bytes, offset, length);
    }
  }

  /** A server socket whose accepted connections are {@link ScpSocket}s. */
  static final class Server extends ServerSocket {

    Server() throws IOException {
      super();
    }

    @Override
    public ScpSocket accept() throws IOException {
      if (isClosed()) {
        throw new SocketException("Socket is closed");
      }
      ScpSocket socket = new ScpSocket();
      implAccept(socket);
      return socket;
    }
  }
}
