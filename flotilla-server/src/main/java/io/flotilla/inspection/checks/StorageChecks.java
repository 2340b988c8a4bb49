package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.STORAGE;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Persistent volumes, claims, storage classes and ephemeral volumes. */
final class StorageChecks {

    private StorageChecks() {}

    static List<Check> all() {
        return List.of(
                check("ST-001", "PersistentVolumeClaim not bound", STORAGE, WARNING,
                        "A claim Pending for minutes has no matching volume and no working provisioner; its pods stay Pending.",
                        "Check the storage class's provisioner and the claim's events.", refs("Kubernetes docs: Persistent volumes"),
                        (inv, out) -> {
                            for (PersistentVolumeClaim c : inv.all(PersistentVolumeClaim.class)) {
                                if (phase(c).equals("Pending") && inv.age(c).compareTo(Duration.ofMinutes(5)) > 0) {
                                    out.report(ObjectRef.of(c), "claim Pending for " + inv.age(c).toMinutes() + " minutes");
                                }
                            }
                        }),
                check("ST-002", "PersistentVolumeClaim lost", STORAGE, CRITICAL,
                        "The claim's volume is gone (phase Lost): the data is not reachable.",
                        "Restore the PersistentVolume or recover from backup.", refs("Kubernetes docs: Persistent volumes"),
                        (inv, out) -> {
                            for (PersistentVolumeClaim c : inv.all(PersistentVolumeClaim.class)) {
                                if (phase(c).equals("Lost")) {
                                    out.report(ObjectRef.of(c), "claim is Lost");
                                }
                            }
                        }),
                check("ST-003", "PersistentVolume released", STORAGE, WARNING,
                        "A Released volume still holds the old claim's data and cannot be reused until cleaned.",
                        "Back up if needed, then delete the volume or clear its claimRef.", refs("Kubernetes docs: Reclaiming"),
                        pvPhase("Released", "volume is Released")),
                check("ST-004", "PersistentVolume failed", STORAGE, CRITICAL,
                        "Automatic reclamation of the volume failed.", "Read the volume's events; clean up at the storage backend.",
                        refs("Kubernetes docs: Reclaiming"), pvPhase("Failed", "volume is Failed")),
                check("ST-005", "PersistentVolume available but unclaimed", STORAGE, INFO,
                        "An Available volume is provisioned storage nobody uses.", "Delete it if it is not kept on purpose.",
                        refs("Kubernetes docs: Persistent volumes"), pvPhase("Available", "volume is Available and unclaimed")),
                check("ST-006", "Claim not used by any pod", STORAGE, INFO,
                        "A bound claim that no pod mounts is paid-for storage doing nothing.",
                        "Delete it once the data is no longer needed.", refs("Kubernetes docs: Persistent volumes"),
                        (inv, out) -> {
                            for (PersistentVolumeClaim c : inv.all(PersistentVolumeClaim.class)) {
                                if (phase(c).equals("Bound") && !inv.pvcReferenced(c.getMetadata().getNamespace(), c.getMetadata().getName())
                                        && Inventory.owners(c).isEmpty() && !statefulSetClaim(inv, c)) {
                                    out.report(ObjectRef.of(c), "no pod mounts this claim");
                                }
                            }
                        }),
                check("ST-007", "Claim names a missing storage class", STORAGE, CRITICAL,
                        "A claim whose storageClassName does not exist is never provisioned.",
                        "Use an existing storage class.", refs("Kubernetes docs: Storage classes"),
                        (inv, out) -> {
                            for (PersistentVolumeClaim c : inv.all(PersistentVolumeClaim.class)) {
                                String cls = c.getSpec().getStorageClassName();
                                if (cls != null && !cls.isEmpty() && !inv.has(StorageClass.class, null, cls)) {
                                    out.report(ObjectRef.of(c), "storage class '" + cls + "' does not exist");
                                }
                            }
                        }),
                check("ST-008", "No default storage class", STORAGE, WARNING,
                        "Claims without storageClassName stay Pending when no class is marked default.",
                        "Annotate one class storageclass.kubernetes.io/is-default-class=true.", refs("Kubernetes docs: Default StorageClass"),
                        (inv, out) -> {
                            if (!inv.all(StorageClass.class).isEmpty() && defaults(inv).isEmpty()) {
                                out.report(ObjectRef.cluster(inv.cluster()), "no default storage class");
                            }
                        }),
                check("ST-009", "Several default storage classes", STORAGE, WARNING,
                        "With several defaults the newest wins; claims may land on the wrong backend.",
                        "Keep exactly one default storage class.", refs("Kubernetes docs: Default StorageClass"),
                        (inv, out) -> {
                            List<String> defaults = defaults(inv);
                            if (defaults.size() > 1) {
                                out.report(ObjectRef.cluster(inv.cluster()), "default storage classes: " + defaults);
                            }
                        }),
                check("ST-010", "hostPath PersistentVolume", STORAGE, WARNING,
                        "A hostPath volume lives on one node's disk: no replication, and pods must stay on that node.",
                        "Use a CSI driver backed by real storage (or local volumes with node affinity).", refs("Kubernetes docs: hostPath"),
                        (inv, out) -> {
                            for (PersistentVolume v : inv.all(PersistentVolume.class)) {
                                if (v.getSpec() != null && v.getSpec().getHostPath() != null) {
                                    out.report(ObjectRef.of(v), "hostPath " + v.getSpec().getHostPath().getPath());
                                }
                            }
                        }),
                check("ST-011", "Deprecated in-tree volume plugin", STORAGE, WARNING,
                        "In-tree cloud volume plugins are migrated to CSI and removed in recent releases.",
                        "Install the CSI driver and recreate the volume through a CSI storage class.", refs("Kubernetes docs: CSI migration"),
                        (inv, out) -> {
                            for (PersistentVolume v : inv.all(PersistentVolume.class)) {
                                var s = v.getSpec();
                                if (s == null) {
                                    continue;
                                }
                                String plugin = s.getAwsElasticBlockStore() != null ? "awsElasticBlockStore"
                                        : s.getGcePersistentDisk() != null ? "gcePersistentDisk"
                                        : s.getAzureDisk() != null ? "azureDisk" : s.getAzureFile() != null ? "azureFile"
                                        : s.getCinder() != null ? "cinder" : s.getVsphereVolume() != null ? "vsphereVolume"
                                        : s.getPortworxVolume() != null ? "portworxVolume" : s.getFlocker() != null ? "flocker" : null;
                                if (plugin != null) {
                                    out.report(ObjectRef.of(v), "uses in-tree plugin " + plugin);
                                }
                            }
                        }),
                check("ST-012", "emptyDir without size limit", STORAGE, INFO,
                        "An unbounded emptyDir can fill the node's disk and trigger DiskPressure evictions.",
                        "Set emptyDir.sizeLimit (and ephemeral-storage limits).", refs("Kubernetes docs: emptyDir"),
                        Rules.workloads(w -> !unbounded(w).isEmpty(), w -> "emptyDir volumes without sizeLimit: " + unbounded(w))),
                check("ST-013", "Storage class cannot expand volumes", STORAGE, INFO,
                        "Without allowVolumeExpansion a full volume can only be migrated, not grown.",
                        "Set allowVolumeExpansion: true if the provisioner supports it.", refs("Kubernetes docs: Volume expansion"),
                        (inv, out) -> {
                            for (StorageClass c : inv.all(StorageClass.class)) {
                                if (!Rules.isTrue(c.getAllowVolumeExpansion())) {
                                    out.report(ObjectRef.of(c), "allowVolumeExpansion is not true");
                                }
                            }
                        }));
    }

    private static String phase(PersistentVolumeClaim c) {
        return c.getStatus() == null || c.getStatus().getPhase() == null ? "" : c.getStatus().getPhase();
    }

    private static Check.Rule pvPhase(String phase, String message) {
        return (inv, out) -> {
            for (PersistentVolume v : inv.all(PersistentVolume.class)) {
                if (v.getStatus() != null && phase.equals(v.getStatus().getPhase())) {
                    out.report(ObjectRef.of(v), message);
                }
            }
        };
    }

    private static List<String> defaults(Inventory inv) {
        return inv.all(StorageClass.class).stream().filter(c -> "true".equals(
                Inventory.annotations(c).get("storageclass.kubernetes.io/is-default-class")))
                .map(c -> c.getMetadata().getName()).sorted().toList();
    }

    /** Claims created from a StatefulSet's volumeClaimTemplates stay when it scales down, on purpose. */
    private static boolean statefulSetClaim(Inventory inv, PersistentVolumeClaim c) {
        return inv.all(io.fabric8.kubernetes.api.model.apps.StatefulSet.class).stream()
                .filter(s -> s.getMetadata().getNamespace().equals(c.getMetadata().getNamespace())
                        && s.getSpec().getVolumeClaimTemplates() != null)
                .anyMatch(s -> s.getSpec().getVolumeClaimTemplates().stream()
                        .anyMatch(t -> c.getMetadata().getName().startsWith(t.getMetadata().getName() + "-" + s.getMetadata().getName() + "-")));
    }

    private static List<String> unbounded(Workload w) {
        List<String> names = new ArrayList<>();
        if (w.spec().getVolumes() != null) {
            for (Volume v : w.spec().getVolumes()) {
                if (v.getEmptyDir() != null && v.getEmptyDir().getSizeLimit() == null) {
                    names.add(v.getName());
                }
            }
        }
        return names;
    }
}
