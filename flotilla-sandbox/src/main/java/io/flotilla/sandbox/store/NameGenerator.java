package io.flotilla.sandbox.store;

import java.util.SplittableRandom;
import java.util.UUID;

/** Seeded uids and generated-name suffixes, so equal specs give equal clusters. Thread-safe. */
final class NameGenerator {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final SplittableRandom random;

  NameGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  synchronized String uid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  synchronized String suffix(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
