package io.flotilla.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PatchesTest {

  private static JsonNode json(String text) {
    return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void mergePatchReplacesListsAndRemovesNulls() {
    JsonNode result = Patches.mergePatch(json("{'a':1,'b':{'c':2,'d':3},'l':[1,2]}"), json("{'b':{'c':null},'l':[3]}"));

    assertThat(result).isEqualTo(json("{'a':1,'b':{'d':3},'l':[3]}"));
  }

  @Test
  void strategicMergeMergesContainersByNameAndHonoursDeleteDirectives() {
    JsonNode current = json("{'spec':{'containers':[{'name':'a','image':'x:1'},{'name':'b','image':'y:1'}]}}");
    JsonNode patch = json("{'$setElementOrder/containers':[{'name':'a'}],'spec':{'containers':"
        + "[{'name':'a','image':'x:2'},{'name':'b','$patch':'delete'}]}}");

    assertThat(Patches.strategicMerge(current, patch))
        .isEqualTo(json("{'spec':{'containers':[{'name':'a','image':'x:2'}]}}"));
  }

  @Test
  void jsonPatchAppliesOperationsInOrder() {
    JsonNode result = Patches.jsonPatch(json("{'spec':{'replicas':1,'list':['a']}}"),
        json("[{'op':'replace','path':'/spec/replicas','value':3},{'op':'add','path':'/spec/list/-','value':'b'},"
            + "{'op':'remove','path':'/spec/list/0'}]"));

    assertThat(result).isEqualTo(json("{'spec':{'replicas':3,'list':['b']}}"));
  }
}
