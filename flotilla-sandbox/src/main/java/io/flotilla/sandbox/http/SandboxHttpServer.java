package io.flotilla.sandbox.http;

import io.flotilla.sandbox.api.ApiDispatcher;
import io.flotilla.sandbox.api.ApiRequest;
import io.flotilla.sandbox.api.ApiResponse;
import io.flotilla.sandbox.api.ApiResult;
import io.flotilla.sandbox.api.LogStream;
import io.flotilla.sandbox.api.WatchStream;
import io.flotilla.sandbox.store.WatchSubscription;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-HTTP front end of one sandbox cluster on a (possibly shared) Vert.x instance. Requests run on the
 * given executor; watches stream as chunked HTTP or over a websocket.
 */
public final class SandboxHttpServer {

  private static final Logger log = LoggerFactory.getLogger(SandboxHttpServer.class);
  /** How often a followed log is checked for new lines. */
  private static final Duration LOG_TICK = Duration.ofMillis(500);

  private final Vertx vertx;
  private final ApiDispatcher dispatcher;
  private final Executor executor;
  private final String cluster;
  private final TlsMaterial tls;
  private HttpServer server;

  /** @param tls certificate for HTTPS, or null for plain HTTP */
  public SandboxHttpServer(String cluster, Vertx vertx, ApiDispatcher dispatcher, Executor executor,
                           TlsMaterial tls) {
    this.cluster = cluster;
    this.tls = tls;
    this.vertx = vertx;
    this.dispatcher = dispatcher;
    this.executor = executor;
  }

  /** Listens on 127.0.0.1:{@code port} (0 = any free port); blocks until listening; returns the port. */
  public synchronized int start(int port) {
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port)
        .setCompressionSupported(false).setIdleTimeout(0).setMaxWebSocketFrameSize(1 << 20)
        .setMaxWebSocketMessageSize(64 << 20);
    if (tls != null) {
      options.setSsl(true).setKeyCertOptions(new io.vertx.core.net.PemKeyCertOptions()
          .setCertValue(Buffer.buffer(tls.certPem())).setKeyValue(Buffer.buffer(tls.keyPem())));
    }
    HttpServer created = vertx.createHttpServer(options).requestHandler(this::onRequest);
    try {
      server = created.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting cluster " + cluster, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cluster " + cluster + " cannot listen on 127.0.0.1:" + port + ": "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
    return server.actualPort();
  }

  /** Stops listening and closes open connections (watches end). */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("cluster={} server did not close cleanly: {}", cluster, e.getMessage());
    }
    server = null;
  }

  public synchronized boolean listening() {
    return server != null;
  }

  private void onRequest(HttpServerRequest request) {
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    if (upgrade) {
      onWebSocket(request);
      return;
    }
    request.body().onSuccess(body -> executor.execute(() -> {
      ApiResult result = dispatcher.handle(toApiRequest(request, body.getBytes()));
      if (result instanceof ApiResponse response) {
        respond(request.response(), response);
      } else if (result instanceof WatchStream watch) {
        streamChunked(request.response(), watch);
      } else if (result instanceof LogStream logs) {
        streamLog(request.response(), logs);
      }
    })).onFailure(e -> log.debug("cluster={} request body failed: {}", cluster, e.getMessage()));
  }

  private static void respond(HttpServerResponse response, ApiResponse api) {
    if (response.closed()) {
      return;
    }
    response.setStatusCode(api.status())
        .putHeader("Content-Type", api.contentType())
        .putHeader("Cache-Control", "no-cache, private")
        .end(Buffer.buffer(api.body()));
  }

  private void streamChunked(HttpServerResponse response, WatchStream watch) {
    response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache, private");
    response.write(Buffer.buffer(new byte[0]));
    WatchSubscription[] holder = new WatchSubscription[1];
    java.util.function.Consumer<byte[]> sink = line -> {
      try {
        response.write(Buffer.buffer(line));
      } catch (RuntimeException e) {
        if (holder[0] != null) {
          holder[0].close();
        }
      }
    };
    try {
      holder[0] = watch.open(sink);
    } catch (io.flotilla.sandbox.store.StoreException e) {
      // 410 Gone and friends are sent as an ERROR watch event, like the API server does
      String status = io.flotilla.sandbox.store.Json.string(io.flotilla.sandbox.api.StatusDocs.status(e.code(),
          e.reason(), e.getMessage()));
      response.end(Buffer.buffer("{\"type\":\"ERROR\",\"object\":" + status + "}\n"));
      return;
    }
    WatchSubscription subscription = holder[0];
    long bookmarks = watch.bookmarks() ? vertx.setPeriodic(WatchStream.BOOKMARK_INTERVAL_MILLIS, t -> {
      if (!subscription.isClosed()) {
        watch.bookmark(sink);
      }
    }) : -1;
    response.closeHandler(v -> {
      subscription.close();
      if (bookmarks >= 0) {
        vertx.cancelTimer(bookmarks);
      }
    });
    if (response.closed()) {
      subscription.close();
      if (bookmarks >= 0) {
        vertx.cancelTimer(bookmarks);
      }
    }
    if (watch.timeoutSeconds() > 0) {
      vertx.setTimer(TimeUnit.SECONDS.toMillis(watch.timeoutSeconds()), t -> {
        subscription.close();
        if (bookmarks >= 0) {
          vertx.cancelTimer(bookmarks);
        }
        if (!response.closed() && !response.ended()) {
          response.end();
        }
      });
    }
  }

  /** Streams a followed log: what exists now, then new lines every tick until the pod goes away. */
  private void streamLog(HttpServerResponse response, LogStream logs) {
    response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-cache, private");
    response.write(Buffer.buffer(logs.initial().getBytes(StandardCharsets.UTF_8)));
    Instant[] last = {logs.openedAt()};
    long timer = vertx.setPeriodic(LOG_TICK.toMillis(), id -> {
      if (response.closed() || response.ended()) {
        vertx.cancelTimer(id);
        return;
      }
      Instant now = logs.now();
      Optional<String> lines = logs.next(last[0], now);
      if (lines.isEmpty()) {
        vertx.cancelTimer(id);
        response.end();
        return;
      }
      last[0] = now;
      if (!lines.get().isEmpty() && !response.writeQueueFull()) {
        response.write(Buffer.buffer(lines.get().getBytes(StandardCharsets.UTF_8)));
      }
    });
    response.closeHandler(v -> vertx.cancelTimer(timer));
  }

  private void onWebSocket(HttpServerRequest request) {
    ApiResult result = dispatcher.handle(toApiRequest(request, new byte[0]));
    if (!(result instanceof WatchStream watch)) {
      ApiResponse response = (ApiResponse) result;
      respond(request.response(), response.status() < 400
          ? io.flotilla.sandbox.api.StatusDocs.failure(400, "BadRequest", "websockets are only served for watches")
          : response);
      return;
    }
    request.toWebSocket().onSuccess(ws -> streamWebSocket(ws, watch))
        .onFailure(e -> log.debug("cluster={} websocket upgrade failed: {}", cluster, e.getMessage()));
  }

  private void streamWebSocket(ServerWebSocket ws, WatchStream watch) {
    WatchSubscription[] holder = new WatchSubscription[1];
    try {
      holder[0] = watch.open(line -> {
        try {
          ws.writeTextMessage(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
          if (holder[0] != null) {
            holder[0].close();
          }
        }
      });
    } catch (io.flotilla.sandbox.store.StoreException e) {
      String status = io.flotilla.sandbox.store.Json.string(io.flotilla.sandbox.api.StatusDocs.status(e.code(),
          e.reason(), e.getMessage()));
      ws.writeTextMessage("{\"type\":\"ERROR\",\"object\":" + status + "}").onComplete(v -> ws.close());
      return;
    }
    WatchSubscription subscription = holder[0];
    ws.closeHandler(v -> subscription.close());
    if (ws.isClosed()) {
      subscription.close();
    }
    if (watch.timeoutSeconds() > 0) {
      vertx.setTimer(TimeUnit.SECONDS.toMillis(watch.timeoutSeconds()), t -> {
        subscription.close();
        if (!ws.isClosed()) {
          ws.close();
        }
      });
    }
  }

  private static ApiRequest toApiRequest(HttpServerRequest request, byte[] body) {
    Map<String, String> query = new HashMap<>();
    request.params().forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
    Map<String, String> headers = new HashMap<>();
    request.headers().forEach(e -> headers.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
    return new ApiRequest(request.method().name(), request.path(), query, headers, body);
  }
}
