package io.flotilla.sandbox.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque {@code continue} tokens for paged lists: the list revision and the last key returned. */
final class ContinueTokens {

  private ContinueTokens() {
  }

  static String encode(long revision, String lastKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((revision + "|" + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  /** The revision of the list the token continues (its first page's). */
  static long revision(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      if (bar < 0) {
        throw StoreException.badRequest("invalid continue token");
      }
      return Long.parseLong(text.substring(0, bar));
    } catch (IllegalArgumentException e) {
      throw StoreException.badRequest("invalid continue token");
    }
  }

  /** The last key of the previous page. */
  static String decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      if (bar < 0) {
        throw StoreException.badRequest("invalid continue token");
      }
      return text.substring(bar + 1);
    } catch (IllegalArgumentException e) {
      throw StoreException.badRequest("invalid continue token");
    }
  }
}
