package io.flotilla.search;

import io.flotilla.platform.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * What a path under {@code /apis/clusterpedia.io/v1beta1/resources} asks for, optionally for one
 * cluster ({@code /clusters/{name}/...}): a discovery document, a collection or one object. Pure.
 *
 * @param cluster the cluster named in the path, or null for all clusters
 */
public record PediaPath(String cluster, Target target) {

    public static final String PREFIX = "/apis/clusterpedia.io/v1beta1/resources";

    /** What is asked for. */
    public sealed interface Target {}

    /** {@code /version}. */
    public record Version() implements Target {}

    /** {@code /api}: the core API versions. */
    public record CoreVersions() implements Target {}

    /** {@code /apis}: the API groups. */
    public record Groups() implements Target {}

    /** {@code /apis/{group}}. */
    public record Group(String group) implements Target {}

    /** {@code /api/v1} or {@code /apis/{group}/{version}}: the resources of a group version. */
    public record Resources(String group, String version) implements Target {}

    /** A collection: {@code .../{resource}} or {@code .../namespaces/{ns}/{resource}}; namespace may be null. */
    public record Collection(String group, String version, String resource, String namespace) implements Target {}

    /** One object: {@code .../{resource}/{name}} or {@code .../namespaces/{ns}/{resource}/{name}}. */
    public record Item(String group, String version, String resource, String namespace, String name)
            implements Target {}

    /** Parses a request URI (still percent-encoded); 404 for paths that are not part of the API. */
    public static PediaPath parse(String uri) {
        if (!uri.startsWith(PREFIX)) {
            throw notFound(uri);
        }
        List<String> s = new ArrayList<>();
        for (String part : uri.substring(PREFIX.length()).split("/")) {
            if (!part.isEmpty()) {
                s.add(decode(part));
            }
        }
        String cluster = null;
        if (s.size() >= 2 && s.getFirst().equals("clusters")) {
            cluster = s.get(1);
            s = s.subList(2, s.size());
        }
        return new PediaPath(cluster, target(s, uri));
    }

    private static Target target(List<String> s, String uri) {
        if (s.equals(List.of("version"))) {
            return new Version();
        }
        if (s.isEmpty()) {
            throw notFound(uri);
        }
        if (s.getFirst().equals("api")) {
            if (s.size() == 1) {
                return new CoreVersions();
            }
            return rest("", s.get(1), s.subList(2, s.size()), uri);
        }
        if (s.getFirst().equals("apis")) {
            return switch (s.size()) {
                case 1 -> new Groups();
                case 2 -> new Group(s.get(1));
                default -> rest(s.get(1), s.get(2), s.subList(3, s.size()), uri);
            };
        }
        throw notFound(uri);
    }

    private static Target rest(String group, String version, List<String> s, String uri) {
        if (!s.isEmpty() && s.getFirst().equals("watch")) {
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                    "watch is not supported by the search API: it serves the index, list again to refresh");
        }
        return switch (s.size()) {
            case 0 -> new Resources(group, version);
            case 1 -> new Collection(group, version, s.get(0), null);
            case 2 -> new Item(group, version, s.get(0), null, s.get(1));
            case 3 -> s.get(0).equals("namespaces") ? new Collection(group, version, s.get(2), s.get(1))
                    : subresource(uri);
            case 4 -> s.get(0).equals("namespaces") ? new Item(group, version, s.get(2), s.get(1), s.get(3))
                    : subresource(uri);
            default -> subresource(uri);
        };
    }

    private static Target subresource(String uri) {
        throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "the search API serves lists and objects, "
                + "no subresources: " + shortened(uri));
    }

    private static String decode(String part) {
        String d;
        try {
            d = URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("path", "is not a valid URL path");
        }
        if (d.length() > 253 || d.chars().anyMatch(Character::isISOControl) || d.equals("..")) {
            throw ApiException.badRequest("path", "'" + SearchParams.abbreviate(d) + "' is not a valid path segment");
        }
        return d;
    }

    private static ApiException notFound(String uri) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "the server could not find the requested "
                + "resource: " + shortened(uri) + "; paths are " + PREFIX + "/[clusters/{cluster}/](api/v1|apis/"
                + "{group}/{version})/[namespaces/{namespace}/]{resource}[/{name}]");
    }

    private static String shortened(String uri) {
        return uri.length() > 200 ? uri.substring(0, 200) + "…" : uri;
    }

    @Override
    public String toString() {
        return "PediaPath" + Arrays.asList(cluster, target);
    }
}
