package io.flotilla.platform;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param continueToken pass as {@code continue} to get the next page; null on the last page
 */
public record Page<T>(List<T> items, String continueToken) {}
