package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.JobPlanner;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.time.Instant;
import java.util.Map;

/** Jobs: pods up to parallelism until completions succeed (or backoffLimit failures), then conditions. */
final class JobController {

  private final SimContext ctx;

  JobController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String namespace, String name) {
    StoredObject job = ctx.store().get(ResourceCatalog.JOBS, namespace, name).orElse(null);
    if (job == null) {
      return;
    }
    JsonNode spec = job.object().path("spec");
    if (isFinished(job.object())) {
      return;
    }
    int active = 0;
    int succeeded = 0;
    int failed = 0;
    int ready = 0;
    for (StoredObject dependent : ctx.store().dependentsOf(job.uid())) {
      if (!dependent.type().equals(ResourceCatalog.PODS)) {
        continue;
      }
      switch (PodStatuses.phase(dependent.object())) {
        case "Succeeded" -> succeeded++;
        case "Failed" -> failed++;
        default -> {
          active++;
          if (PodStatuses.isReady(dependent.object())) {
            ready++;
          }
        }
      }
    }
    JobPlanner.Plan plan = JobPlanner.plan(spec.path("completions").asInt(1), spec.path("parallelism").asInt(1),
        spec.path("backoffLimit").asInt(6), spec.path("suspend").asBoolean(false), active, succeeded, failed);
    for (int i = 0; i < plan.create(); i++) {
      ObjectNode pod = PodFactory.fromTemplate(spec.path("template"), job, name + "-" + ctx.store().randomSuffix(5),
          Map.of("batch.kubernetes.io/job-name", name, "job-name", name,
              "batch.kubernetes.io/controller-uid", job.uid(), "controller-uid", job.uid()));
      StoredObject created = ctx.store().create(ResourceCatalog.PODS, pod, false);
      ctx.events().normal(job, "SuccessfulCreate", "Created pod: " + created.name(), "job-controller", null);
      active++;
    }
    Instant now = ctx.now();
    String nowText = Json.timestamp(now);
    int activeCount = active;
    int succeededCount = succeeded;
    int failedCount = failed;
    int readyCount = ready;
    StoredObject written = ctx.store().mutate(ResourceCatalog.JOBS, namespace, name, copy -> {
      JsonNode previous = copy.path("status");
      ObjectNode status = Json.object();
      status.put("startTime", previous.path("startTime").asText(nowText));
      if (plan.outcome() == JobPlanner.Outcome.RUNNING && activeCount > 0) {
        status.put("active", activeCount);
      }
      if (succeededCount > 0) {
        status.put("succeeded", succeededCount);
      }
      if (failedCount > 0) {
        status.put("failed", failedCount);
      }
      status.put("ready", plan.outcome() == JobPlanner.Outcome.RUNNING ? readyCount : 0);
      status.put("terminating", 0);
      status.putObject("uncountedTerminatedPods");
      if (plan.outcome() == JobPlanner.Outcome.COMPLETE) {
        status.put("completionTime", nowText);
        ArrayNode conditions = status.putArray("conditions");
        conditions.add(Conditions.condition(Json.object().putArray("x"), "SuccessCriteriaMet", "True",
            "CompletionsReached", "Reached expected number of succeeded pods", nowText, false)
            .put("lastProbeTime", nowText));
        conditions.add(Conditions.condition(Json.object().putArray("x"), "Complete", "True", "CompletionsReached",
            "Reached expected number of succeeded pods", nowText, false).put("lastProbeTime", nowText));
      } else if (plan.outcome() == JobPlanner.Outcome.FAILED) {
        ArrayNode conditions = status.putArray("conditions");
        conditions.add(Conditions.condition(Json.object().putArray("x"), "FailureTarget", "True",
            "BackoffLimitExceeded", "Job has reached the specified backoff limit", nowText, false)
            .put("lastProbeTime", nowText));
        conditions.add(Conditions.condition(Json.object().putArray("x"), "Failed", "True", "BackoffLimitExceeded",
            "Job has reached the specified backoff limit", nowText, false).put("lastProbeTime", nowText));
      }
      copy.set("status", status);
      return copy;
    }).orElse(null);
    if (written != null && plan.outcome() == JobPlanner.Outcome.COMPLETE) {
      ctx.events().normal(written, "Completed", "Job completed", "job-controller", null);
    } else if (written != null && plan.outcome() == JobPlanner.Outcome.FAILED) {
      ctx.events().warning(written, "BackoffLimitExceeded", "Job has reached the specified backoff limit",
          "job-controller", null);
    }
  }

  static boolean isFinished(JsonNode job) {
    for (JsonNode c : job.at("/status/conditions")) {
      String type = c.path("type").asText();
      if (("Complete".equals(type) || "Failed".equals(type)) && "True".equals(c.path("status").asText())) {
        return true;
      }
    }
    return false;
  }
}
