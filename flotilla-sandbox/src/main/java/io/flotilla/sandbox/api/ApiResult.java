package io.flotilla.sandbox.api;

/** What the dispatcher answers: a complete response or a watch stream. */
public sealed interface ApiResult permits ApiResponse, WatchStream {
}
