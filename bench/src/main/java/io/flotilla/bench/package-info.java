/**
 * Benchmark drivers. Each driver is a {@code main} class with {@code --help}, started through
 * {@code bench/run}; results go to {@code docs/benchmarks.md}.
 */
package io.flotilla.bench;
