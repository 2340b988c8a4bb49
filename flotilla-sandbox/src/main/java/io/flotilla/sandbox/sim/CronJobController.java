package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.Defaults;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.CronExpression;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** CronJobs: Jobs at scheduled times (the most recent missed time only), history limits, status. */
final class CronJobController {

  private static final String COMPONENT = "cronjob-controller";

  private final SimContext ctx;

  CronJobController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcileAll() {
    for (StoredObject cj : List.copyOf(ctx.store().list(ResourceCatalog.CRON_JOBS, null))) {
      reconcile(cj.namespace(), cj.name());
    }
  }

  void reconcile(String namespace, String name) {
    StoredObject cj = ctx.store().get(ResourceCatalog.CRON_JOBS, namespace, name).orElse(null);
    if (cj == null) {
      return;
    }
    JsonNode spec = cj.object().path("spec");
    CronExpression cron;
    try {
      cron = CronExpression.parse(spec.path("schedule").asText());
    } catch (IllegalArgumentException e) {
      return;
    }
    ZoneId zone = spec.hasNonNull("timeZone") ? ZoneId.of(spec.path("timeZone").asText()) : ZoneOffset.UTC;
    Instant now = ctx.now();
    String lastText = Json.text(cj.object(), "status.lastScheduleTime");
    Instant last = Json.instant(lastText != null ? lastText : Json.text(cj.object(), "metadata.creationTimestamp"));
    Instant due = null;
    ZonedDateTime candidate = cron.next(ZonedDateTime.ofInstant(last, zone));
    while (!candidate.toInstant().isAfter(now)) {
      due = candidate.toInstant();
      candidate = cron.next(candidate);
    }
    List<StoredObject> jobs = new ArrayList<>();
    for (StoredObject dependent : ctx.store().dependentsOf(cj.uid())) {
      if (dependent.type().equals(ResourceCatalog.JOBS)) {
        jobs.add(dependent);
      }
    }
    boolean suspended = spec.path("suspend").asBoolean(false);
    boolean anyActive = jobs.stream().anyMatch(j -> !JobController.isFinished(j.object()));
    boolean forbid = "Forbid".equals(spec.path("concurrencyPolicy").asText()) && anyActive;
    if (due != null && !suspended && !forbid) {
      String jobName = name + "-" + due.getEpochSecond() / 60;
      if (ctx.store().get(ResourceCatalog.JOBS, namespace, jobName).isEmpty()) {
        ObjectNode job = Json.object();
        ObjectNode meta = job.putObject("metadata");
        meta.put("name", jobName);
        meta.put("namespace", namespace);
        ObjectNode labels = meta.putObject("labels");
        Json.labels(spec.path("jobTemplate")).forEach(labels::put);
        ObjectNode annotations = meta.putObject("annotations");
        Json.annotations(spec.path("jobTemplate")).forEach(annotations::put);
        annotations.put("batch.kubernetes.io/cronjob-scheduled-timestamp", due.toString());
        meta.putArray("ownerReferences").add(Owners.controllerRef(cj));
        job.set("spec", spec.path("jobTemplate").path("spec").deepCopy());
        String uid = ctx.store().newUid();
        meta.put("uid", uid);
        ObjectNode jobSpec = Json.with(job, "spec");
        jobSpec.putObject("selector").putObject("matchLabels").put("batch.kubernetes.io/controller-uid", uid);
        ObjectNode podLabels = Json.with(Json.with(Json.with(jobSpec, "template"), "metadata"), "labels");
        podLabels.put("batch.kubernetes.io/controller-uid", uid);
        podLabels.put("controller-uid", uid);
        podLabels.put("batch.kubernetes.io/job-name", jobName);
        podLabels.put("job-name", jobName);
        Defaults.apply(ResourceCatalog.JOBS, job);
        StoredObject created = ctx.store().create(ResourceCatalog.JOBS, job, false);
        jobs.add(created);
        ctx.events().normal(cj, "SuccessfulCreate", "Created job " + jobName, COMPONENT, null);
      }
    }
    prune(cj, jobs, true, spec.path("successfulJobsHistoryLimit").asInt(3));
    prune(cj, jobs, false, spec.path("failedJobsHistoryLimit").asInt(1));
    Instant scheduled = due;
    ctx.store().mutate(ResourceCatalog.CRON_JOBS, namespace, name, copy -> {
      ObjectNode status = Json.object();
      ArrayNode active = status.putArray("active");
      String lastSuccess = Json.text(copy, "status.lastSuccessfulTime");
      for (StoredObject job : jobs) {
        if (ctx.store().get(ResourceCatalog.JOBS, namespace, job.name()).isEmpty()) {
          continue;
        }
        if (!JobController.isFinished(job.object())) {
          active.addObject().put("kind", "Job").put("namespace", namespace).put("name", job.name())
              .put("uid", job.uid()).put("apiVersion", "batch/v1")
              .put("resourceVersion", Long.toString(job.resourceVersion()));
        } else {
          String completion = Json.text(job.object(), "status.completionTime");
          if (completion != null && (lastSuccess == null || completion.compareTo(lastSuccess) > 0)) {
            lastSuccess = completion;
          }
        }
      }
      if (active.isEmpty()) {
        status.remove("active");
      }
      String previousSchedule = Json.text(copy, "status.lastScheduleTime");
      if (scheduled != null) {
        status.put("lastScheduleTime", Json.timestamp(scheduled));
      } else if (previousSchedule != null) {
        status.put("lastScheduleTime", previousSchedule);
      }
      if (lastSuccess != null) {
        status.put("lastSuccessfulTime", lastSuccess);
      }
      copy.set("status", status);
      return copy;
    });
  }

  private void prune(StoredObject cj, List<StoredObject> jobs, boolean successful, int limit) {
    List<StoredObject> finished = new ArrayList<>();
    for (StoredObject job : jobs) {
      if (JobController.isFinished(job.object()) && successful == job.object().at("/status/succeeded").asInt(0)
          > 0) {
        finished.add(job);
      }
    }
    finished.sort(Comparator.comparing(j -> Json.text(j.object(), "metadata.creationTimestamp")));
    for (int i = 0; i < finished.size() - limit; i++) {
      ctx.store().deleteIfPresent(ResourceCatalog.JOBS, cj.namespace(), finished.get(i).name());
      ctx.events().normal(cj, "SuccessfulDelete", "Deleted job " + finished.get(i).name(), COMPONENT, null);
    }
  }
}
