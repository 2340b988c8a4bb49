package io.flotilla.search;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SearchJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = SearchSql.CLUSTER_ANNOTATION;

    private static JsonNode tree(String s) throws Exception {
        return JSON.readTree(s);
    }

    private static String object(String stored, String apiVersion, String kind, String cluster) {
        return new String(SearchJson.object(stored.getBytes(UTF_8), apiVersion, kind, cluster), UTF_8);
    }

    private static String metadataOnly(String stored, String apiVersion, String kind, String cluster) {
        return new String(SearchJson.metadataOnly(stored == null ? null : stored.getBytes(UTF_8), apiVersion, kind,
                cluster), UTF_8);
    }

    @Test
    void setsApiVersionKindAndTheClusterAnnotationInPostgresOutput() throws Exception {
        // jsonb text as PostgreSQL writes it: keys sorted by length, ": " and ", " separators
        String stored = "{\"kind\": \"Pod\", \"spec\": {\"containers\": [{\"name\": \"a\", \"args\": [\"}\", \"{\\\"\"]}]},"
                + " \"status\": {\"phase\": \"Running\"}, \"metadata\": {\"name\": \"web-1\", \"labels\": {\"app\": \"web\"},"
                + " \"annotations\": {\"note\": \"x, y}\"}}, \"apiVersion\": \"v0\"}";
        JsonNode out = tree(object(stored, "v1", "Pod", "east"));
        JsonNode expected = ((com.fasterxml.jackson.databind.node.ObjectNode) tree(stored)).put("apiVersion", "v1");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/metadata/annotations")).put(A, "east");
        assertThat(out).isEqualTo(expected);
        assertThat(out.at("/spec/containers/0/args/1").asText()).isEqualTo("{\"");
    }

    @Test
    void withoutAClusterCopiesTheStoredMetadataAndAddsNoAnnotation() throws Exception {
        String stored = "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"web-1\", \"annotations\": {\"note\": \"x\"}},"
                + " \"apiVersion\": \"v0\"}";
        assertThat(tree(object(stored, "v1", "Pod", null))).isEqualTo(tree("{\"apiVersion\":\"v1\","
                + "\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-1\",\"annotations\":{\"note\":\"x\"}}}"));
        assertThat(tree(object("{\"spec\":{}}", "v1", "Pod", null)))
                .isEqualTo(tree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{}}"));
    }

    @Test
    void addsAnnotationsAndMetadataWhenMissing() throws Exception {
        assertThat(tree(object("{\"metadata\":{\"name\":\"n\"}}", "apps/v1", "Deployment", "c-1")))
                .isEqualTo(tree("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"n\","
                        + "\"annotations\":{\"" + A + "\":\"c-1\"}}}"));
        assertThat(tree(object("{}", "v1", "Node", "c")))
                .isEqualTo(tree("{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"annotations\":{\"" + A
                        + "\":\"c\"}}}"));
        assertThat(tree(object("{\"metadata\":{}}", "v1", "Node", "c")).at("/metadata/annotations/" + A
                .replace("/", "~1")).asText()).isEqualTo("c");
        assertThat(tree(object("{\"metadata\":{\"annotations\":null}}", "v1", "Node", "c"))
                .at("/metadata/annotations").size()).isEqualTo(1);
    }

    @Test
    void replacesAStoredClusterAnnotationInsteadOfDuplicatingIt() throws Exception {
        String out = object("{\"metadata\":{\"annotations\":{\"" + A + "\":\"forged\",\"b\":\"1\"}}}", "v1",
                "Pod", "real");
        assertThat(out).doesNotContain("forged");
        assertThat(tree(out).at("/metadata/annotations")).isEqualTo(tree("{\"b\":\"1\",\"" + A + "\":\"real\"}"));
    }

    @Test
    void escapesValuesItWrites() throws Exception {
        JsonNode out = tree(object("{}", "v1", "K\"ind", "c\\1"));
        assertThat(out.get("kind").asText()).isEqualTo("K\"ind");
        assertThat(out.at("/metadata/annotations").elements().next().asText()).isEqualTo("c\\1");
    }

    @Test
    void rendersMetadataOnly() throws Exception {
        assertThat(tree(metadataOnly("{\"name\": \"n\", \"uid\": \"u\"}", "v1", "Pod", "c")))
                .isEqualTo(tree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"n\",\"uid\":\"u\","
                        + "\"annotations\":{\"" + A + "\":\"c\"}}}"));
        assertThat(tree(metadataOnly(null, "v1", "Pod", "c")).at("/metadata/annotations").size())
                .isEqualTo(1);
    }

    @Test
    void keepsNumbersLiteralsAndNestedArraysVerbatim() throws Exception {
        String stored = "{\"spec\": {\"replicas\": 3, \"paused\": false, \"x\": null, \"f\": -1.5e3, \"m\": [[1, 2], []], \"p\": \"c:\\\\\", \"q\": \"\\\\\\\"}\"},"
                + " \"metadata\": {\"generation\": 7}}";
        JsonNode out = tree(object(stored, "apps/v1", "Deployment", "c"));
        assertThat(out.get("spec")).isEqualTo(tree(stored).get("spec"));
        assertThat(out.at("/metadata/generation").asInt()).isEqualTo(7);
    }

    @Test
    void rejectsTextThatIsNotAnObject() {
        assertThatThrownBy(() -> object("[1]", "v1", "Pod", "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> object("{\"a\": \"unterminated", "v1", "Pod", "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesMultiByteCharactersAndEscapesByteForByte() throws Exception {
        String stored = "{\"spec\":{\"note\":\"生产环境 \\\" } ] ✓\"},\"metadata\":{\"name\":\"订单-1\","
                + "\"annotations\":{\"说明\":\"引号\\\"与括号{\"}}}";
        JsonNode out = tree(object(stored, "v1", "ConfigMap", "集群-东"));
        assertThat(out.at("/spec/note").asText()).isEqualTo("生产环境 \" } ] ✓");
        assertThat(out.at("/metadata/name").asText()).isEqualTo("订单-1");
        assertThat(out.at("/metadata/annotations/说明").asText()).isEqualTo("引号\"与括号{");
        assertThat(out.at("/metadata/annotations").get(A).asText()).isEqualTo("集群-东");
    }
}
