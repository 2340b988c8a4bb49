package io.flotilla.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorsTest {

  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend", "env", "prod");

  @Test
  void equalityAndInequalityRequirementsMatchLabelValues() {
    assertThat(LabelSelector.parse("app=web,tier==frontend").matches(WEB)).isTrue();
    assertThat(LabelSelector.parse("app!=web").matches(WEB)).isFalse();
    assertThat(LabelSelector.parse("app!=db").matches(WEB)).isTrue();
    assertThat(LabelSelector.parse("missing!=x").matches(WEB)).isTrue();
  }

  @Test
  void setRequirementsIncludingNotinMatchLikeKubernetes() {
    assertThat(LabelSelector.parse("env in (prod, staging)").matches(WEB)).isTrue();
    assertThat(LabelSelector.parse("env notin (prod,staging)").matches(WEB)).isFalse();
    assertThat(LabelSelector.parse("env notin (dev)").matches(WEB)).isTrue();
    assertThat(LabelSelector.parse("missing notin (dev)").matches(WEB)).isTrue();
    assertThat(LabelSelector.parse("app in (web),env notin (dev),tier").matches(WEB)).isTrue();
  }

  @Test
  void existenceRequirementsCheckOnlyTheKey() {
    assertThat(LabelSelector.parse("tier").matches(WEB)).isTrue();
    assertThat(LabelSelector.parse("!tier").matches(WEB)).isFalse();
    assertThat(LabelSelector.parse("!canary").matches(WEB)).isTrue();
  }

  @Test
  void emptySelectorMatchesEverythingButAMissingObjectSelectorMatchesNothing() {
    assertThat(LabelSelector.parse("").matches(WEB)).isTrue();
    assertThat(LabelSelector.fromObject(null).matches(WEB)).isFalse();
    assertThat(LabelSelector.fromObject(Json.object()).matches(WEB)).isTrue();
  }

  @Test
  void objectFormSupportsMatchLabelsAndMatchExpressions() {
    ObjectNode selector = Json.object();
    selector.putObject("matchLabels").put("app", "web");
    selector.putArray("matchExpressions").addObject().put("key", "env").put("operator", "NotIn")
        .putArray("values").add("dev");

    LabelSelector parsed = LabelSelector.fromObject(selector);

    assertThat(parsed.matches(WEB)).isTrue();
    assertThat(parsed.toString()).isEqualTo("app=web,env notin (dev)");
    assertThat(LabelSelector.parse(parsed.toString())).isEqualTo(parsed);
  }

  @Test
  void rejectsMalformedSelectors() {
    assertThatThrownBy(() -> LabelSelector.parse("env in prod")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> LabelSelector.parse("=x")).isInstanceOf(StoreException.class);
  }

  @Test
  void fieldSelectorsReadDottedPathsWithMissingFieldsAsEmpty() {
    ObjectNode pod = Json.object();
    pod.putObject("metadata").put("name", "web-1").put("namespace", "shop");
    pod.putObject("spec").put("nodeName", "n1");
    pod.putObject("status").put("phase", "Running");

    assertThat(FieldSelector.parse("metadata.name=web-1,metadata.namespace==shop").matches(pod)).isTrue();
    assertThat(FieldSelector.parse("spec.nodeName=n1,status.phase!=Failed,status.phase!=Succeeded").matches(pod))
        .isTrue();
    assertThat(FieldSelector.parse("status.phase=Pending").matches(pod)).isFalse();
    assertThat(FieldSelector.parse("spec.schedulerName=").matches(pod)).isTrue();
  }
}
