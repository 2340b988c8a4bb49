package io.flotilla.sandbox.store;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items          the matching objects, in key order
 * @param revision       store revision the list reflects
 * @param continueToken  token for the next page, null on the last page
 * @param remaining      matching objects after this page (only when paged)
 */
public record ListResult(List<StoredObject> items, long revision, String continueToken, Long remaining) {

  public ListResult {
    items = List.copyOf(items);
  }
}
