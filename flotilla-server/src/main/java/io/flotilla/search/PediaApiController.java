package io.flotilla.search;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Clusterpedia-compatible Kubernetes API: {@code /apis/clusterpedia.io/v1beta1/resources/...} for
 * all clusters or {@code .../clusters/{cluster}/...} for one, with discovery so kubectl works against
 * it, lists of the proper kind ({@code PodList}), server-side tables with a CLUSTER column, and
 * {@code /apis/clusterpedia.io/v1beta1/collectionresources/{any,workloads,kuberesources}}. Read-only;
 * errors are Kubernetes {@code Status} objects ({@link PediaErrors}).
 */
@Hidden
@RestController
class PediaApiController {

    static final String GROUP_VERSION = "clusterpedia.io/v1beta1";
    private static final String COLLECTIONS = "/apis/clusterpedia.io/v1beta1/collectionresources";
    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0-flotilla-search\","
            + "\"gitCommit\":\"\",\"gitTreeState\":\"clean\",\"buildDate\":\"1970-01-01T00:00:00Z\",\"goVersion\":\"n/a\","
            + "\"compiler\":\"n/a\",\"platform\":\"linux/amd64\"}";

    private static final byte[] LIST_END = "]}".getBytes(StandardCharsets.UTF_8);

    private final SearchService search;
    private final KubernetesSerialization kube;
    private final Clock clock;
    private final PediaTables tables = new PediaTables();

    PediaApiController(SearchService search, KubernetesSerialization kube, Clock clock) {
        this.search = search;
        this.kube = kube;
        this.clock = clock;
    }

    @RequestMapping("/apis/clusterpedia.io/v1beta1")
    void groupVersion(HttpServletRequest request, HttpServletResponse response) throws IOException {
        check(request);
        write(response, kube.asJson(new APIResourceListBuilder().withApiVersion("v1").withKind("APIResourceList")
                .withGroupVersion(GROUP_VERSION).withResources(
                        new APIResourceBuilder().withName("resources").withKind("Resources").withNamespaced(false)
                                .withVerbs("get", "list").build(),
                        new APIResourceBuilder().withName("collectionresources").withKind("CollectionResource")
                                .withSingularName("collectionresource").withNamespaced(false)
                                .withVerbs("get", "list").build()).build()));
    }

    @RequestMapping({PediaPath.PREFIX, PediaPath.PREFIX + "/**"})
    void resources(HttpServletRequest request, HttpServletResponse response) throws IOException {
        check(request);
        PediaPath path = PediaPath.parse(request.getRequestURI());
        List<SearchType> served = search.types().all();
        String body = switch (path.target()) {
            case PediaPath.Version v -> VERSION;
            case PediaPath.CoreVersions v -> kube.asJson(PediaDiscovery.coreVersions());
            case PediaPath.Groups g -> kube.asJson(PediaDiscovery.groups(served));
            case PediaPath.Group g -> kube.asJson(PediaDiscovery.group(served, g.group())
                    .orElseThrow(() -> notFound("the server could not find the requested resource (group "
                            + g.group() + ")")));
            case PediaPath.Resources r -> kube.asJson(PediaDiscovery.resources(served, r.group(), r.version())
                    .orElseThrow(() -> notFound("the server could not find the requested resource (group version "
                            + (r.group().isEmpty() ? "" : r.group() + "/") + r.version() + ")")));
            case PediaPath.Collection c -> list(request, response, path.cluster(), type(served, c.group(),
                    c.version(), c.resource()), c.namespace());
            case PediaPath.Item i -> item(request, response, path.cluster(), type(served, i.group(), i.version(),
                    i.resource()), i.namespace(), i.name());
        };
        if (body != null) {
            write(response, body);
        }
    }

    @RequestMapping(COLLECTIONS)
    void collectionDefinitions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        check(request);
        List<SearchType> served = search.types().all();
        StringBuilder b = new StringBuilder("{\"apiVersion\":\"" + GROUP_VERSION
                + "\",\"kind\":\"CollectionResourceList\",\"metadata\":{},\"items\":[");
        String sep = "";
        for (String name : PediaCollections.NAMES) {
            List<SearchType> types = "any".equals(name) ? List.of() : PediaCollections.types(name, served, Map.of());
            b.append(sep).append(collectionHead(name, types)).append("}");
            sep = ",";
        }
        write(response, b.append("]}").toString());
    }

    @RequestMapping(COLLECTIONS + "/{name}")
    void collection(@PathVariable String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        check(request);
        Map<String, List<String>> params = params(request);
        List<SearchType> types = PediaCollections.types(name, search.types().all(), params);
        SearchQuery q = SearchParams.parse(params, search.limits()).scoped(types, null, null);
        SearchService.Page page = search.search(q, q.onlyMetadata() ? SearchSql.Projection.METADATA
                : SearchSql.Projection.OBJECT, fresh(request));
        StringBuilder head = new StringBuilder(512).append(collectionHead(name, types)).append(',');
        meta(head, page);
        writeList(response, head.append(",\"items\":["), page.rows());
    }

    /** The table text for Table requests; otherwise writes the list to {@code response} itself and returns null. */
    private String list(HttpServletRequest request, HttpServletResponse response, String cluster, SearchType type,
            String namespace) throws IOException {
        if (namespace != null && !type.namespaced()) {
            throw notFound("the server could not find the requested resource: " + type.qualifiedName()
                    + " is not namespaced");
        }
        Map<String, List<String>> params = params(request);
        SearchQuery q = SearchParams.parse(params, search.limits()).scoped(List.of(type), cluster, namespace);
        SearchService.Page page = search.search(q, SearchSql.Projection.OBJECT, fresh(request));
        if (wantsTable(request)) {
            return tables.table(type, page.rows(), page.continueToken(), page.remainingItemCount(),
                    "Object".equals(request.getParameter("includeObject")), clock.instant());
        }
        StringBuilder head = new StringBuilder(512);
        head.append("{\"apiVersion\":\"").append(type.apiVersion()).append("\",\"kind\":\"").append(type.listKind())
                .append("\",");
        meta(head, page);
        writeList(response, head.append(",\"items\":["), page.rows());
        return null;
    }

    private String item(HttpServletRequest request, HttpServletResponse response, String cluster, SearchType type,
            String namespace, String name) {
        if (namespace != null && !type.namespaced()) {
            throw notFound("the server could not find the requested resource: " + type.qualifiedName()
                    + " is not namespaced");
        }
        SearchQuery q = SearchParams.parse(params(request), search.limits()).scoped(List.of(type), cluster,
                type.namespaced() ? namespace : null);
        List<SearchService.Row> rows = search.get(q, name, SearchSql.Projection.OBJECT, fresh(request));
        if (rows.isEmpty()) {
            throw notFound(type.qualifiedName() + " \"" + name + "\" not found"
                    + (cluster == null ? "" : " in cluster " + cluster));
        }
        if (wantsTable(request)) {
            return tables.table(type, rows, null, null, "Object".equals(request.getParameter("includeObject")),
                    clock.instant());
        }
        if (rows.size() > 1) {
            List<String> clusters = rows.stream().map(SearchService.Row::cluster).toList();
            response.addHeader("Warning", "299 - \"" + type.singular() + " " + name + " exists in clusters "
                    + String.join(", ", clusters) + "; showing the one in " + clusters.getFirst()
                    + ": add /clusters/{name} after /resources to choose\"");
        }
        return rows.getFirst().json();
    }

    private static SearchType type(List<SearchType> served, String group, String version, String resource) {
        return served.stream().filter(t -> t.group().equals(group) && t.version().equals(version)
                && t.resource().equals(resource)).findFirst()
                .orElseThrow(() -> notFound("the server could not find the requested resource: "
                        + (group.isEmpty() ? "" : group + "/") + version + " " + resource + " is not served; "
                        + "kubectl api-resources lists what is"));
    }

    private String collectionHead(String name, List<SearchType> types) {
        StringBuilder b = new StringBuilder("{\"apiVersion\":\"" + GROUP_VERSION
                + "\",\"kind\":\"CollectionResource\",\"metadata\":{\"name\":\"" + name + "\"},\"resourceTypes\":[");
        String sep = "";
        for (SearchType t : types) {
            b.append(sep).append("{\"group\":\"").append(t.group()).append("\",\"version\":\"").append(t.version())
                    .append("\",\"resource\":\"").append(t.resource()).append("\",\"kind\":\"").append(t.kind())
                    .append("\"}");
            sep = ",";
        }
        return b.append("]").toString();
    }

    private static void meta(StringBuilder b, SearchService.Page page) {
        b.append("\"metadata\":{\"resourceVersion\":\"\"");
        if (page.continueToken() != null) {
            b.append(",\"continue\":\"").append(page.continueToken()).append('"');
        }
        if (page.remainingItemCount() != null) {
            b.append(",\"remainingItemCount\":").append(page.remainingItemCount());
        }
        b.append('}');
    }

    /**
     * Writes {@code head}, the rows' JSON separated by commas and {@code ]}}: the objects' UTF-8 bytes go to
     * the response as they are (no list text is built, nothing is parsed or encoded again).
     */
    private static void writeList(HttpServletResponse response, CharSequence head, List<SearchService.Row> rows)
            throws IOException {
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        long length = start.length + LIST_END.length + Math.max(0, rows.size() - 1);
        for (SearchService.Row r : rows) {
            length += r.jsonUtf8().length;
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLengthLong(length);
        OutputStream out = response.getOutputStream();
        out.write(start);
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(rows.get(i).jsonUtf8());
        }
        out.write(LIST_END);
    }

    private static void check(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", request.getMethod()
                    + " is not supported: the search API is read-only; change objects in their cluster");
        }
        if ("true".equals(request.getParameter("watch"))) {
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                    "watch is not supported by the search API: it serves the index, list again to refresh");
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank() && !accept.contains("json") && !accept.contains("*/*")) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                    "only application/json is served (and Tables as application/json;as=Table;v=v1;g=meta.k8s.io)");
        }
    }

    private static boolean fresh(HttpServletRequest request) {
        return SearchParams.fresh(request.getHeader("Cache-Control"), request.getHeader("Pragma"));
    }

    private static boolean wantsTable(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("as=Table");
    }

    private static Map<String, List<String>> params(HttpServletRequest request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> out.put(k, Arrays.asList(v)));
        return out;
    }

    private static void write(HttpServletResponse response, String body) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", message);
    }
}
