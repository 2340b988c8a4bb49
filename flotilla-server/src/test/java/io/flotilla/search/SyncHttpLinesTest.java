package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The watch body reader: events split across chunks, several per chunk, multi-byte text, huge lines. */
class SyncHttpLinesTest {

    private static KubernetesClient client;
    private static SyncHttp http;

    @BeforeAll
    static void client() {
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1")
                .build()).build();
        http = new SyncHttp(client, new ObjectMapper());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static final AsyncBody BODY = new AsyncBody() {
        @Override
        public void consume() {
        }

        @Override
        public CompletableFuture<Void> done() {
            return new CompletableFuture<>();
        }

        @Override
        public void cancel() {
        }
    };

    private static List<String> read(List<List<byte[]>> calls) throws Exception {
        List<String> seen = new ArrayList<>();
        SyncHttp.LineReader reader = http.new LineReader("/api/v1/pods", new SyncHttp.WatchListener() {
            @Override
            public void onEvent(String type, ObjectNode object) {
                seen.add(type + " " + object.path("metadata").path("name").asText());
            }

            @Override
            public void onClose(SyncFailure failure) {
                seen.add("closed " + failure);
            }
        });
        for (List<byte[]> call : calls) {
            reader.consume(call.stream().map(ByteBuffer::wrap).toList(), BODY);
        }
        return seen;
    }

    private static String event(String type, String name) {
        return "{\"type\":\"" + type + "\",\"object\":{\"metadata\":{\"name\":\"" + name + "\"}}}\n";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void joinsAnEventSplitAcrossChunksAndCallsAndSplitsSeveralInOneChunk() throws Exception {
        byte[] first = utf8(event("ADDED", "a"));
        byte[] rest = utf8(event("MODIFIED", "b") + event("DELETED", "c"));
        List<List<byte[]>> calls = List.of(
                List.of(java.util.Arrays.copyOfRange(first, 0, 5), java.util.Arrays.copyOfRange(first, 5, 20)),
                List.of(java.util.Arrays.copyOfRange(first, 20, first.length), rest));
        assertThat(read(calls)).containsExactly("ADDED a", "MODIFIED b", "DELETED c");
    }

    @Test
    void keepsMultiByteTextSplitInsideACharacter() throws Exception {
        byte[] e = utf8(event("ADDED", "名前-ü"));
        int middle = new String(e, StandardCharsets.UTF_8).indexOf('名') + 1; // inside the 3-byte character
        assertThat(read(List.of(List.of(java.util.Arrays.copyOfRange(e, 0, middle)),
                List.of(java.util.Arrays.copyOfRange(e, middle, e.length))))).containsExactly("ADDED 名前-ü");
    }

    @Test
    void readsALineLargerThanTheInitialBufferAndSkipsBlankLines() throws Exception {
        String big = "x".repeat(3_000_000);
        assertThat(read(List.of(List.of(utf8("\n\n" + event("ADDED", big) + event("ADDED", "small"))))))
                .containsExactly("ADDED " + big, "ADDED small");
    }
}
