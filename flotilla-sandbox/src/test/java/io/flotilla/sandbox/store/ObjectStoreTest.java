package io.flotilla.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {

  private final ObjectStore store = new ObjectStore(Clock.systemUTC(), 1, 4, 3);

  private static ObjectNode configMap(String name, String value) {
    ObjectNode cm = Json.object();
    cm.putObject("metadata").put("name", name).put("namespace", "default").putObject("labels").put("app", name);
    cm.putObject("data").put("k", value);
    return cm;
  }

  @Test
  void createFillsServerFieldsAndRejectsDuplicates() {
    StoredObject created = store.create(ResourceCatalog.CONFIGMAPS, configMap("a", "1"), false);

    assertThat(created.uid()).isNotBlank();
    assertThat(created.object().at("/metadata/resourceVersion").asText()).isEqualTo(Long.toString(store.revision()));
    assertThat(created.object().at("/kind").asText()).isEqualTo("ConfigMap");
    assertThatThrownBy(() -> store.create(ResourceCatalog.CONFIGMAPS, configMap("a", "1"), false))
        .hasMessageContaining("already exists");
  }

  @Test
  void generationGrowsOnlyWhenTheSpecChanges() {
    ObjectNode deployment = Json.object();
    deployment.putObject("metadata").put("name", "web").put("namespace", "default");
    deployment.putObject("spec").put("replicas", 1);
    store.create(ResourceCatalog.DEPLOYMENTS, deployment, false);

    ObjectNode labelled = store.get(ResourceCatalog.DEPLOYMENTS, "default", "web").orElseThrow().copy();
    Json.with(Json.with(labelled, "metadata"), "labels").put("x", "y");
    StoredObject afterLabel = store.update(ResourceCatalog.DEPLOYMENTS, labelled, WriteMode.MAIN, false);
    ObjectNode scaled = afterLabel.copy();
    Json.with(scaled, "spec").put("replicas", 2);
    StoredObject afterScale = store.update(ResourceCatalog.DEPLOYMENTS, scaled, WriteMode.MAIN, false);

    assertThat(afterLabel.object().at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(afterScale.object().at("/metadata/generation").asLong()).isEqualTo(2);
  }

  @Test
  void staleResourceVersionIsAConflict() {
    StoredObject created = store.create(ResourceCatalog.CONFIGMAPS, configMap("a", "1"), false);
    store.update(ResourceCatalog.CONFIGMAPS, created.copy(), WriteMode.MAIN, false);

    assertThatThrownBy(() -> store.update(ResourceCatalog.CONFIGMAPS, created.copy(), WriteMode.MAIN, false))
        .isInstanceOf(StoreException.class).hasMessageContaining("has been modified");
  }

  @Test
  void deletingAnOwnerDeletesItsDependents() {
    StoredObject owner = store.create(ResourceCatalog.CONFIGMAPS, configMap("owner", "1"), false);
    ObjectNode dependent = configMap("dependent", "1");
    Json.with(dependent, "metadata").putArray("ownerReferences").addObject().put("uid", owner.uid())
        .put("kind", "ConfigMap").put("name", "owner");
    store.create(ResourceCatalog.CONFIGMAPS, dependent, false);

    store.delete(ResourceCatalog.CONFIGMAPS, "default", "owner", DeletePropagation.BACKGROUND, false);

    assertThat(store.get(ResourceCatalog.CONFIGMAPS, "default", "dependent")).isEmpty();
  }

  @Test
  void listsPageWithContinueTokens() {
    for (String name : List.of("a", "b", "c")) {
      store.create(ResourceCatalog.CONFIGMAPS, configMap(name, "1"), false);
    }

    ListResult first = store.list(ResourceCatalog.CONFIGMAPS, "default", LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, 2, null);
    ListResult second = store.list(ResourceCatalog.CONFIGMAPS, "default", LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, 2, first.continueToken());

    assertThat(first.items()).extracting(StoredObject::name).containsExactly("a", "b");
    assertThat(first.remaining()).isEqualTo(1);
    assertThat(second.items()).extracting(StoredObject::name).containsExactly("c");
    assertThat(second.continueToken()).isNull();
  }

  @Test
  void everyPageOfAListReportsTheFirstPagesRevision() {
    for (String name : List.of("a", "b", "c")) {
      store.create(ResourceCatalog.CONFIGMAPS, configMap(name, "1"), false);
    }
    ListResult first = store.list(ResourceCatalog.CONFIGMAPS, "default", LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, 2, null);
    store.create(ResourceCatalog.CONFIGMAPS, configMap("d", "1"), false);

    ListResult second = store.list(ResourceCatalog.CONFIGMAPS, "default", LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, 2, first.continueToken());

    assertThat(store.revision()).isGreaterThan(first.revision());
    assertThat(second.revision()).isEqualTo(first.revision());
  }

  @Test
  void continueTokenOfAListOlderThanTheCompactionIsGone() {
    for (String name : List.of("a", "b", "c")) {
      store.create(ResourceCatalog.CONFIGMAPS, configMap(name, "1"), false);
    }
    ListResult first = store.list(ResourceCatalog.CONFIGMAPS, "default", LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, 2, null);
    store.create(ResourceCatalog.CONFIGMAPS, configMap("d", "1"), false);
    store.compact();

    assertThatThrownBy(() -> store.list(ResourceCatalog.CONFIGMAPS, "default", LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, 2, first.continueToken())).isInstanceOf(StoreException.class)
        .hasMessageContaining("continue parameter is too old")
        .extracting(e -> ((StoreException) e).code()).isEqualTo(410);
  }

  @Test
  void compactionMakesWatchesFromOlderRevisionsGoneButNotFromNow() {
    StoredObject a = store.create(ResourceCatalog.CONFIGMAPS, configMap("a", "1"), false);
    store.create(ResourceCatalog.CONFIGMAPS, configMap("b", "1"), false);
    store.compact();
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> store.watch(ResourceCatalog.CONFIGMAPS, null, LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, a.resourceVersion(), e -> { })).isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).code()).isEqualTo(410);
    store.watch(ResourceCatalog.CONFIGMAPS, null, LabelSelector.EVERYTHING, FieldSelector.EVERYTHING,
        store.revision(), e -> seen.add(e.type() + " " + e.object().name()));
    store.create(ResourceCatalog.CONFIGMAPS, configMap("c", "1"), false);
    assertThat(seen).containsExactly("ADDED c");
  }

  @Test
  void watchResumesAfterARevisionAndReportsObjectsLeavingTheSelectorAsDeleted() {
    StoredObject a = store.create(ResourceCatalog.CONFIGMAPS, configMap("a", "1"), false);
    List<String> seen = new ArrayList<>();
    store.watch(ResourceCatalog.CONFIGMAPS, "default", LabelSelector.parse("app=a"), FieldSelector.EVERYTHING,
        a.resourceVersion() - 1, e -> seen.add(e.type() + " " + e.object().name()));
    ObjectNode relabelled = store.get(ResourceCatalog.CONFIGMAPS, "default", "a").orElseThrow().copy();
    Json.with(Json.with(relabelled, "metadata"), "labels").put("app", "other");
    store.update(ResourceCatalog.CONFIGMAPS, relabelled, WriteMode.MAIN, false);

    assertThat(seen).containsExactly("ADDED a", "DELETED a");
  }

  @Test
  void watchFromACompactedRevisionIsGone() {
    for (int i = 0; i < 10; i++) {
      store.create(ResourceCatalog.CONFIGMAPS, configMap("cm" + i, "1"), false);
    }

    assertThatThrownBy(() -> store.watch(ResourceCatalog.CONFIGMAPS, null, LabelSelector.EVERYTHING,
        FieldSelector.EVERYTHING, 1, e -> { })).isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).code()).isEqualTo(410);
  }

  @Test
  void keepsOnlyTheNewestEvents() {
    for (int i = 0; i < 5; i++) {
      ObjectNode event = Json.object();
      event.putObject("metadata").put("name", "e" + i).put("namespace", "default");
      store.create(ResourceCatalog.EVENTS, event, false);
    }

    assertThat(store.list(ResourceCatalog.EVENTS, "default")).extracting(StoredObject::name)
        .containsExactly("e2", "e3", "e4");
  }
}
