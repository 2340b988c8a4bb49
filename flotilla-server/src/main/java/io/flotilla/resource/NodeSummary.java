package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node as lists and detail pages show it.
 *
 * @param status Ready, NotReady or Unknown, with ",SchedulingDisabled" when cordoned (as kubectl shows)
 * @param conditions type → status for every condition (Ready, MemoryPressure, DiskPressure, PIDPressure)
 */
public record NodeSummary(String name, String status, boolean unschedulable, List<String> roles, String architecture,
        String os, String kernel, String kubelet, String containerRuntime, Map<String, String> capacity,
        Map<String, String> allocatable, Map<String, String> conditions, List<String> taints,
        Map<String, String> labels, String internalIp) {

    public static NodeSummary of(Node node) {
        var status = node.getStatus();
        var info = status == null ? null : status.getNodeInfo();
        String ready = "Unknown";
        Map<String, String> conditions = new LinkedHashMap<>();
        if (status != null && status.getConditions() != null) {
            for (NodeCondition c : status.getConditions()) {
                conditions.put(c.getType(), c.getStatus());
                if ("Ready".equals(c.getType())) {
                    ready = "True".equals(c.getStatus()) ? "Ready" : "NotReady";
                }
            }
        }
        boolean cordoned = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        List<String> roles = labels.keySet().stream().filter(k -> k.startsWith("node-role.kubernetes.io/"))
                .map(k -> k.substring("node-role.kubernetes.io/".length())).sorted().toList();
        List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of()
                : node.getSpec().getTaints();
        String ip = status == null || status.getAddresses() == null ? null : status.getAddresses().stream()
                .filter(a -> "InternalIP".equals(a.getType())).map(a -> a.getAddress()).findFirst().orElse(null);
        return new NodeSummary(node.getMetadata().getName(), ready + (cordoned ? ",SchedulingDisabled" : ""), cordoned,
                roles, info == null ? null : info.getArchitecture(), info == null ? null : info.getOperatingSystem(),
                info == null ? null : info.getKernelVersion(), info == null ? null : info.getKubeletVersion(),
                info == null ? null : info.getContainerRuntimeVersion(),
                quantities(status == null ? null : status.getCapacity()),
                quantities(status == null ? null : status.getAllocatable()), conditions,
                taints.stream().map(t -> t.getKey() + (t.getValue() == null ? "" : "=" + t.getValue()) + ":"
                        + t.getEffect()).toList(), labels, ip);
    }

    private static Map<String, String> quantities(Map<String, Quantity> q) {
        Map<String, String> out = new TreeMap<>();
        if (q != null) {
            q.forEach((k, v) -> out.put(k, v.toString()));
        }
        return out;
    }
}
