package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    @Test
    void splitsMultiDocumentYamlSkippingEmptyDocuments() {
        List<Documents.Document> docs = Documents.parse("""
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                ---
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: b, namespace: shop}
                """);
        assertThat(docs).extracting(Documents.Document::index).containsExactly(1, 2);
        assertThat(docs.get(1).namespace()).isEqualTo("shop");
        assertThat(docs).allMatch(d -> d.problem() == null);
    }

    @Test
    void acceptsJsonAndExpandsLists() {
        List<Documents.Document> docs = Documents.parse("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":["
                + "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}},"
                + "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"y\"}}]}");
        assertThat(docs).extracting(Documents.Document::name).containsExactly("x", "y");
    }

    @Test
    void reportsWhatEachBadDocumentLacks() {
        List<Documents.Document> docs = Documents.parse("""
                kind: ConfigMap
                metadata: {name: a}
                ---
                apiVersion: v1
                metadata: {name: b}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: Not_Valid}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {}
                """);
        assertThat(docs).extracting(Documents.Document::problem).containsExactly("has no apiVersion", "has no kind",
                docs.get(2).problem(), "has no metadata.name");
        assertThat(docs.get(2).problem()).contains("not a valid name");
    }

    @Test
    void invalidYamlAndEmptyBodiesAreProblems() {
        assertThat(Documents.parse("a: [b").getFirst().problem()).startsWith("is not valid YAML");
        assertThat(Documents.parse("  ").getFirst().problem()).contains("empty");
        assertThat(Documents.parse("a: 1\na: 2").getFirst().problem()).startsWith("is not valid YAML");
    }

    @Test
    void namesFollowDns1123Subdomains() {
        assertThat(Documents.isValidName("web-1.example")).isTrue();
        assertThat(Documents.isValidName("Web")).isFalse();
        assertThat(Documents.isValidName("-web")).isFalse();
        assertThat(Documents.isValidName("a".repeat(254))).isFalse();
    }
}
