package io.flotilla.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo sandbox clusters started with the server ({@code ./flotilla up} turns them on).
 *
 * @param enabled start and register the demo clusters
 * @param clusters their names; a name containing "east" or "west" gets that region label
 */
@ConfigurationProperties("flotilla.demo")
public record DemoSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue({"sandbox-east", "sandbox-west"}) List<String> clusters) {}
