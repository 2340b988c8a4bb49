package io.flotilla.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Raw Kubernetes API reads over a cluster's shared fabric8 HTTP client (its credentials and TLS): JSON
 * GETs and streaming watches, parsed as JSON trees that are converted and dropped at once, so no object
 * stays in memory.
 */
final class SyncHttp {

    private static final long TIMEOUT_SECONDS = 60;

    /** Receives the events of one watch, on an HTTP client thread. */
    interface WatchListener {
        /** One event; {@code type} ADDED, MODIFIED, DELETED, BOOKMARK or ERROR. */
        void onEvent(String type, ObjectNode object) throws InterruptedException;

        /** The watch ended: {@code failure} null when the server closed it normally. */
        void onClose(SyncFailure failure);
    }

    /** An open watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final HttpClient http;
    private final String base;
    private final ObjectMapper json;

    SyncHttp(KubernetesClient client, ObjectMapper json) {
        this.http = client.getHttpClient();
        String url = client.getMasterUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.json = json;
    }

    /** GET {@code path} (with query) as a JSON tree. */
    JsonNode get(String path) throws SyncFailure, InterruptedException {
        HttpRequest request = http.newHttpRequestBuilder().uri(base + path).header("Accept", "application/json")
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.sendAsync(request, byte[].class).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw unreachable(path, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(path, e);
        }
        if (!response.isSuccessful()) {
            throw failure(path, response.code(), response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SyncFailure(SyncFailure.Kind.HTTP, response.code(), "GET " + path + " answered invalid JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Starts a watch; returns once the server accepted it (or throws). */
    Watch watch(String path, WatchListener listener) throws SyncFailure, InterruptedException {
        HttpRequest request = http.newHttpRequestBuilder().uri(base + path).header("Accept", "application/json")
                .build();
        LineReader reader = new LineReader(path, listener);
        CompletableFuture<HttpResponse<AsyncBody>> started = http.consumeBytes(request, reader);
        HttpResponse<AsyncBody> response;
        try {
            response = started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw unreachable(path, e.getCause());
        } catch (TimeoutException e) {
            started.cancel(true);
            throw unreachable(path, e);
        }
        AsyncBody body = response.body();
        if (!response.isSuccessful()) {
            reader.errorCode = response.code();
        }
        body.done().whenComplete((v, error) -> reader.finished(error));
        body.consume();
        if (reader.errorCode != 0) {
            try {
                body.done().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the status body is best effort
            }
            throw failure(path, reader.errorCode, reader.buffered());
        }
        return body::cancel;
    }

    private SyncFailure failure(String path, int code, byte[] body) {
        String message = "HTTP " + code;
        try {
            JsonNode status = json.readTree(body);
            if (status.hasNonNull("message")) {
                message = status.get("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not a Status document
        }
        SyncFailure.Kind kind = code == 410 ? SyncFailure.Kind.GONE : SyncFailure.Kind.HTTP;
        return new SyncFailure(kind, code, "GET " + path + ": " + message, null);
    }

    private static SyncFailure unreachable(String path, Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SyncFailure(SyncFailure.Kind.UNREACHABLE, 0, "GET " + path + ": " + message, cause);
    }

    /** Splits the chunked body into newline-delimited watch events. */
    private static final int INITIAL_LINE = 8192;
    private static final int LARGE_LINE = 1 << 20;

    /** Splits a watch body into lines and hands each event to the listener (package-private for tests). */
    final class LineReader implements AsyncBody.Consumer<List<ByteBuffer>> {

        private final String path;
        private final WatchListener listener;
        /** The current line (or, after an error status, the whole body); grown by doubling. */
        private byte[] buffer = new byte[INITIAL_LINE];
        private int length;
        private volatile int errorCode;
        private volatile boolean ended;
        private boolean closedOnce;

        LineReader(String path, WatchListener listener) {
            this.path = path;
            this.listener = listener;
        }

        @Override
        public void consume(List<ByteBuffer> chunks, AsyncBody body) throws Exception {
            try {
                for (ByteBuffer chunk : chunks) {
                    // copy up to each newline in bulk: one watch event is often kilobytes
                    while (chunk.hasRemaining()) {
                        int from = chunk.position();
                        int limit = chunk.limit();
                        int newline = from;
                        while (newline < limit && chunk.get(newline) != '\n') {
                            newline++;
                        }
                        append(chunk, newline - from);
                        if (newline < limit) {
                            chunk.get();
                            if (errorCode == 0) {
                                line();
                            } else {
                                append((byte) '\n');
                            }
                        }
                    }
                }
                if (ended) {
                    body.cancel();
                } else {
                    body.consume();
                }
            } catch (InterruptedException e) {
                body.cancel();
                Thread.currentThread().interrupt();
            } catch (RuntimeException | IOException e) {
                body.cancel();
                end(new SyncFailure(SyncFailure.Kind.HTTP, 0, "watch " + path + ": " + e.getMessage(), e));
            }
        }

        private void append(ByteBuffer chunk, int n) {
            ensure(n);
            chunk.get(buffer, length, n);
            length += n;
        }

        private void append(byte b) {
            ensure(1);
            buffer[length++] = b;
        }

        private void ensure(int n) {
            if (length + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
            }
        }

        byte[] buffered() {
            return Arrays.copyOf(buffer, length);
        }

        private void line() throws IOException, InterruptedException {
            if (length == 0) {
                return;
            }
            JsonNode event = json.readTree(buffer, 0, length);
            length = 0;
            if (buffer.length > LARGE_LINE) {
                buffer = new byte[INITIAL_LINE]; // one huge object does not pin its size for the watch's life
            }
            String type = event.path("type").asText();
            JsonNode object = event.get("object");
            if (!(object instanceof ObjectNode node)) {
                return;
            }
            if (type.equals("ERROR")) {
                int code = node.path("code").asInt(500);
                ended = true;
                end(new SyncFailure(code == 410 ? SyncFailure.Kind.GONE : SyncFailure.Kind.HTTP, code,
                        "watch " + path + ": " + node.path("message").asText("error " + code), null));
                return;
            }
            if (!ended) {
                listener.onEvent(type, node);
            }
        }

        void finished(Throwable error) {
            if (errorCode != 0) {
                return;
            }
            end(error == null ? null : unreachable(path, error));
        }

        private synchronized void end(SyncFailure failure) {
            if (closedOnce) {
                return;
            }
            closedOnce = true;
            listener.onClose(failure);
        }
    }
}
