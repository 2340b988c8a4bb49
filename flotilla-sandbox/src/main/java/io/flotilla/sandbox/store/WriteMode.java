package io.flotilla.sandbox.store;

/** Which parts of an object an update may change. */
public enum WriteMode {
  /** Main resource endpoint: spec and metadata change, status is kept (for types with a status subresource). */
  MAIN,
  /** The status subresource: only status changes. */
  STATUS,
  /** Everything (controllers inside the sandbox). */
  FULL
}
