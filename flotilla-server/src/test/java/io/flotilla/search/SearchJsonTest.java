package io.flotilla.search;

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

    @Test
    void setsApiVersionKindAndTheClusterAnnotationInPostgresOutput() throws Exception {
        // jsonb text as PostgreSQL writes it: keys sorted by length, ": " and ", " separators
        String stored = "{\"kind\": \"Pod\", \"spec\": {\"containers\": [{\"name\": \"a\", \"args\": [\"}\", \"{\\\"\"]}]},"
                + " \"status\": {\"phase\": \"Running\"}, \"metadata\": {\"name\": \"web-1\", \"labels\": {\"app\": \"web\"},"
                + " \"annotations\": {\"note\": \"x, y}\"}}, \"apiVersion\": \"v0\"}";
        JsonNode out = tree(SearchJson.object(stored, "v1", "Pod", "east"));
        JsonNode expected = ((com.fasterxml.jackson.databind.node.ObjectNode) tree(stored)).put("apiVersion", "v1");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/metadata/annotations")).put(A, "east");
        assertThat(out).isEqualTo(expected);
        assertThat(out.at("/spec/containers/0/args/1").asText()).isEqualTo("{\"");
    }

    @Test
    void withoutAClusterCopiesTheStoredMetadataAndAddsNoAnnotation() throws Exception {
        String stored = "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"web-1\", \"annotations\": {\"note\": \"x\"}},"
                + " \"apiVersion\": \"v0\"}";
        assertThat(tree(SearchJson.object(stored, "v1", "Pod", null))).isEqualTo(tree("{\"apiVersion\":\"v1\","
                + "\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-1\",\"annotations\":{\"note\":\"x\"}}}"));
        assertThat(tree(SearchJson.object("{\"spec\":{}}", "v1", "Pod", null)))
                .isEqualTo(tree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{}}"));
    }

    @Test
    void addsAnnotationsAndMetadataWhenMissing() throws Exception {
        assertThat(tree(SearchJson.object("{\"metadata\":{\"name\":\"n\"}}", "apps/v1", "Deployment", "c-1")))
                .isEqualTo(tree("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"n\","
                        + "\"annotations\":{\"" + A + "\":\"c-1\"}}}"));
        assertThat(tree(SearchJson.object("{}", "v1", "Node", "c")))
                .isEqualTo(tree("{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"annotations\":{\"" + A
                        + "\":\"c\"}}}"));
        assertThat(tree(SearchJson.object("{\"metadata\":{}}", "v1", "Node", "c")).at("/metadata/annotations/" + A
                .replace("/", "~1")).asText()).isEqualTo("c");
        assertThat(tree(SearchJson.object("{\"metadata\":{\"annotations\":null}}", "v1", "Node", "c"))
                .at("/metadata/annotations").size()).isEqualTo(1);
    }

    @Test
    void replacesAStoredClusterAnnotationInsteadOfDuplicatingIt() throws Exception {
        String out = SearchJson.object("{\"metadata\":{\"annotations\":{\"" + A + "\":\"forged\",\"b\":\"1\"}}}", "v1",
                "Pod", "real");
        assertThat(out).doesNotContain("forged");
        assertThat(tree(out).at("/metadata/annotations")).isEqualTo(tree("{\"b\":\"1\",\"" + A + "\":\"real\"}"));
    }

    @Test
    void escapesValuesItWrites() throws Exception {
        JsonNode out = tree(SearchJson.object("{}", "v1", "K\"ind", "c\\1"));
        assertThat(out.get("kind").asText()).isEqualTo("K\"ind");
        assertThat(out.at("/metadata/annotations").elements().next().asText()).isEqualTo("c\\1");
    }

    @Test
    void rendersMetadataOnly() throws Exception {
        assertThat(tree(SearchJson.metadataOnly("{\"name\": \"n\", \"uid\": \"u\"}", "v1", "Pod", "c")))
                .isEqualTo(tree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"n\",\"uid\":\"u\","
                        + "\"annotations\":{\"" + A + "\":\"c\"}}}"));
        assertThat(tree(SearchJson.metadataOnly(null, "v1", "Pod", "c")).at("/metadata/annotations").size())
                .isEqualTo(1);
    }

    @Test
    void keepsNumbersLiteralsAndNestedArraysVerbatim() throws Exception {
        String stored = "{\"spec\": {\"replicas\": 3, \"paused\": false, \"x\": null, \"f\": -1.5e3, \"m\": [[1, 2], []], \"p\": \"c:\\\\\", \"q\": \"\\\\\\\"}\"},"
                + " \"metadata\": {\"generation\": 7}}";
        JsonNode out = tree(SearchJson.object(stored, "apps/v1", "Deployment", "c"));
        assertThat(out.get("spec")).isEqualTo(tree(stored).get("spec"));
        assertThat(out.at("/metadata/generation").asInt()).isEqualTo(7);
    }

    @Test
    void rejectsTextThatIsNotAnObject() {
        assertThatThrownBy(() -> SearchJson.object("[1]", "v1", "Pod", "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchJson.object("{\"a\": \"unterminated", "v1", "Pod", "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
