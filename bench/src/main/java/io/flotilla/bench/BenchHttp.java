package io.flotilla.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive GET client for one thread (like wrk's): one connection, the request
 * written in one go, the body read into a reused buffer. The load generator shares the server's two
 * cores; Java's HttpClient costs about 0.3–0.6 ms of CPU per response of 150 KB, this about a tenth.
 * Handles Content-Length and chunked bodies; reconnects when the server closes.
 */
final class BenchHttp implements AutoCloseable {

    /** Status and body length of a response; the body itself is in {@link #body()} until the next call. */
    record Reply(int status, int length) {}

    private final String host;
    private final int port;
    private final byte[] headers;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] body = new byte[256 * 1024];

    /** @param extraHeaders header lines, each ending with CRLF (credentials, Accept, Cache-Control) */
    BenchHttp(String base, String extraHeaders) {
        URI u = URI.create(base);
        this.host = u.getHost();
        this.port = u.getPort();
        this.headers = ("Host: " + host + ":" + port + "\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    Reply get(String pathAndQuery) throws IOException {
        try {
            return send(pathAndQuery);
        } catch (IOException e) {
            close(); // the server may have closed a kept-alive connection: one retry on a new one
            return send(pathAndQuery);
        }
    }

    byte[] body() {
        return body;
    }

    private Reply send(String pathAndQuery) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        byte[] line = ("GET " + pathAndQuery + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[line.length + headers.length];
        System.arraycopy(line, 0, request, 0, line.length);
        System.arraycopy(headers, 0, request, line.length, headers.length);
        out.write(request);
        out.flush();
        String status = readLine();
        if (status.length() < 12 || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        int n;
        if (chunked) {
            n = 0;
            for (int size = Integer.parseInt(readLine().strip().split(";")[0], 16); size > 0;
                    size = Integer.parseInt(readLine().strip().split(";")[0], 16)) {
                ensure(n + size);
                readFully(n, size);
                n += size;
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else {
            if (length < 0) {
                throw new IOException("response without Content-Length or chunked body");
            }
            ensure((int) length);
            readFully(0, (int) length);
            n = (int) length;
        }
        if (closing) {
            close();
        }
        return new Reply(code, n);
    }

    private void ensure(int size) {
        if (body.length < size) {
            byte[] bigger = new byte[Math.max(size, body.length * 2)];
            System.arraycopy(body, 0, bigger, 0, body.length);
            body = bigger;
        }
    }

    private void readFully(int offset, int size) throws IOException {
        int done = 0;
        while (done < size) {
            int r = in.read(body, offset + done, size - done);
            if (r < 0) {
                throw new IOException("connection closed in the middle of a body");
            }
            done += r;
        }
    }

    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
