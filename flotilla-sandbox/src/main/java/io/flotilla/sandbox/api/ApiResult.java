package io.flotilla.sandbox.api;

/** What the dispatcher answers: a complete response, a watch stream or a followed log. */
public sealed interface ApiResult permits ApiResponse, WatchStream, LogStream {
}
