package io.flotilla.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the search API ({@code flotilla.search.api.*}).
 *
 * @param defaultLimit page size when the request gives none (kubectl sends 500)
 * @param maxLimit largest page size; a larger {@code limit} answers 400
 * @param continueTtl how long a continue token stays valid (410 Expired afterwards)
 * @param continueKey key (at least 16 characters) that signs continue tokens; the same on every replica.
 *     When empty a random key is generated into {@code <data-dir>/search-continue.key}
 * @param cacheSize memory for answers of recent searches, each valid until a write to a type it read
 *     commits ({@code 0} turns the cache off)
 */
@ConfigurationProperties("flotilla.search.api")
public record SearchProperties(
        @DefaultValue("500") int defaultLimit,
        @DefaultValue("5000") int maxLimit,
        @DefaultValue("1h") Duration continueTtl,
        @DefaultValue("") String continueKey,
        @DefaultValue("64MB") DataSize cacheSize) {}
