package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class IndexDocumentTest {

    private final ObjectMapper json = new ObjectMapper();
    private static final IndexType PODS = new IndexType("", "v1", "pods", "Pod", true);
    private static final IndexType SECRETS = new IndexType("", "v1", "secrets", "Secret", true);
    private static final IndexType NODES = new IndexType("", "v1", "nodes", "Node", false);

    private ObjectNode parse(String text) throws Exception {
        return (ObjectNode) json.readTree(text.replace('\'', '"'));
    }

    @Test
    void extractsTheRowColumnsAndStripsManagedFields() throws Exception {
        ObjectNode pod = parse("{'metadata':{'name':'web-1','namespace':'shop','uid':'u1','resourceVersion':'42',"
                + "'creationTimestamp':'2026-01-02T03:04:05Z','labels':{'app':'web'},'managedFields':[{'manager':'x'}],"
                + "'ownerReferences':[{'uid':'other','controller':false},{'uid':'rs-1','controller':true}]},"
                + "'spec':{'nodeName':'n1'}}");

        IndexDocument doc = IndexDocument.of(PODS, pod, json);

        assertThat(doc.namespace()).isEqualTo("shop");
        assertThat(doc.name()).isEqualTo("web-1");
        assertThat(doc.uid()).isEqualTo("u1");
        assertThat(doc.ownerUid()).isEqualTo("rs-1");
        assertThat(doc.resourceVersion()).isEqualTo("42");
        assertThat(doc.createdAt()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.readTree(doc.labels()).get("app").asText()).isEqualTo("web");
        JsonNode stored = json.readTree(doc.object());
        assertThat(stored.path("metadata").has("managedFields")).isFalse();
        assertThat(stored.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(stored.path("kind").asText()).isEqualTo("Pod");
        assertThat(stored.path("spec").path("nodeName").asText()).isEqualTo("n1");
    }

    @Test
    void secretsKeepOnlyMetadataAndType() throws Exception {
        ObjectNode secret = parse("{'metadata':{'name':'db','namespace':'shop','resourceVersion':'7',"
                + "'annotations':{'" + IndexDocument.LAST_APPLIED + "':'{\\'data\\':{\\'pw\\':\\'c2VjcmV0\\'}}',"
                + "'team':'a'}},'type':'Opaque','data':{'pw':'c2VjcmV0'},'stringData':{'pw':'secret'}}");

        String stored = IndexDocument.of(SECRETS, secret, json).object();

        assertThat(stored).doesNotContain("c2VjcmV0").doesNotContain("secret\"");
        JsonNode node = json.readTree(stored);
        assertThat(node.has("data")).isFalse();
        assertThat(node.has("stringData")).isFalse();
        assertThat(node.path("type").asText()).isEqualTo("Opaque");
        assertThat(node.path("metadata").path("annotations").path("team").asText()).isEqualTo("a");
    }

    @Test
    void clusterScopedObjectsHaveAnEmptyNamespaceAndNoOwner() throws Exception {
        IndexDocument doc = IndexDocument.of(NODES, parse("{'metadata':{'name':'n1','namespace':'ignored',"
                + "'resourceVersion':'3'}}"), json);

        assertThat(doc.namespace()).isEmpty();
        assertThat(doc.ownerUid()).isNull();
        assertThat(doc.labels()).isEqualTo("{}");
        assertThat(doc.createdAt()).isNull();
    }

    @Test
    void objectsWithoutANameAreSkipped() throws Exception {
        assertThat(IndexDocument.of(PODS, parse("{'metadata':{}}"), json)).isNull();
        assertThat(IndexDocument.of(PODS, parse("{'kind':'Status'}"), json)).isNull();
    }

    @Test
    void comparesResourceVersionsAsNumbers() {
        assertThat(IndexDocument.newer("10", "9")).isTrue();
        assertThat(IndexDocument.newer("9", "10")).isFalse();
        assertThat(IndexDocument.newer("123", "122")).isTrue();
        assertThat(IndexDocument.newer("5", "5")).isFalse();
    }
}
