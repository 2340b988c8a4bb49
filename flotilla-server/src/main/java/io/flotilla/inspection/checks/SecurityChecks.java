package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.SECURITY;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.containers;
import static io.flotilla.inspection.checks.Rules.isFalse;
import static io.flotilla.inspection.checks.Rules.isTrue;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Rules.workloads;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Pod and container security: privileges, host access, identities, profiles, credentials. */
final class SecurityChecks {

    private static final Set<String> SOCKETS = Set.of("/var/run/docker.sock", "/run/docker.sock",
            "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock", "/var/run/crio/crio.sock",
            "/run/crio/crio.sock", "/var/run", "/run");
    private static final Set<String> SENSITIVE = Set.of("/", "/etc", "/root", "/var/lib/kubelet", "/proc", "/sys",
            "/boot", "/dev", "/var/lib/etcd", "/etc/kubernetes", "/home");
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    private static final Set<String> DANGEROUS_CAPS = Set.of("SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH",
            "NET_ADMIN", "BPF", "SYS_RAWIO", "ALL");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|APIKEY|"
            + "PRIVATE_KEY|ACCESS_KEY|CREDENTIAL).*");

    private SecurityChecks() {}

    static List<Check> all() {
        return List.of(
                check("SEC-001", "Privileged container", SECURITY, CRITICAL,
                        "A privileged container has every capability and all host devices; escaping it gives root on the node.",
                        "Remove securityContext.privileged, grant only the capabilities the process needs.",
                        refs("CIS 5.2.2", "NSA-CISA: Pod security - non-root, unprivileged containers"),
                        containers((w, c) -> isTrue(sc(c).getPrivileged()),
                                (w, c) -> "container '" + c.getName() + "' runs privileged")),
                check("SEC-002", "Pod shares the host PID namespace", SECURITY, CRITICAL,
                        "hostPID lets the pod see and signal every process on the node, including other tenants'.",
                        "Remove spec.hostPID.", refs("CIS 5.2.3", "NSA-CISA: Pod security"),
                        workloads(w -> isTrue(w.spec().getHostPID()), w -> "pod template sets hostPID: true")),
                check("SEC-003", "Pod shares the host IPC namespace", SECURITY, CRITICAL,
                        "hostIPC exposes the node's shared memory and IPC objects to the pod.",
                        "Remove spec.hostIPC.", refs("CIS 5.2.4", "NSA-CISA: Pod security"),
                        workloads(w -> isTrue(w.spec().getHostIPC()), w -> "pod template sets hostIPC: true")),
                check("SEC-004", "Pod uses the host network", SECURITY, WARNING,
                        "hostNetwork bypasses NetworkPolicy and lets the pod bind node ports and sniff node traffic.",
                        "Remove spec.hostNetwork; expose the workload through a Service.",
                        refs("CIS 5.2.5", "NSA-CISA: Network separation"),
                        workloads(w -> isTrue(w.spec().getHostNetwork()), w -> "pod template sets hostNetwork: true")),
                check("SEC-005", "Privilege escalation allowed", SECURITY, WARNING,
                        "Without allowPrivilegeEscalation: false a process can gain more privileges (setuid binaries).",
                        "Set securityContext.allowPrivilegeEscalation: false on every container.",
                        refs("CIS 5.2.6", "Pod Security Standards: restricted"),
                        containers((w, c) -> !isFalse(sc(c).getAllowPrivilegeEscalation()),
                                (w, c) -> "container '" + c.getName() + "' does not set allowPrivilegeEscalation: false")),
                check("SEC-006", "Container may run as root", SECURITY, WARNING,
                        "Without runAsNonRoot the image decides the user, and most images run as root.",
                        "Set runAsNonRoot: true (pod or container securityContext) and a non-zero runAsUser.",
                        refs("CIS 5.2.7", "NSA-CISA: Non-root containers"),
                        containers((w, c) -> !Boolean.TRUE.equals(effectiveRunAsNonRoot(w, c))
                                && !nonZero(effectiveRunAsUser(w, c)),
                                (w, c) -> "container '" + c.getName() + "' is not forced to run as a non-root user")),
                check("SEC-007", "Container runs as UID 0", SECURITY, CRITICAL,
                        "runAsUser: 0 explicitly runs the process as root.",
                        "Set runAsUser to a non-zero UID the image supports.", refs("CIS 5.2.7", "NSA-CISA: Non-root containers"),
                        containers((w, c) -> Long.valueOf(0).equals(effectiveRunAsUser(w, c)),
                                (w, c) -> "container '" + c.getName() + "' sets runAsUser: 0")),
                check("SEC-008", "NET_RAW capability not dropped", SECURITY, WARNING,
                        "NET_RAW allows crafting packets (ARP and DNS spoofing inside the cluster network).",
                        "Drop ALL (or at least NET_RAW) in securityContext.capabilities.drop.", refs("CIS 5.2.8"),
                        containers((w, c) -> !drops(c, "NET_RAW"),
                                (w, c) -> "container '" + c.getName() + "' keeps NET_RAW")),
                check("SEC-009", "Container adds capabilities", SECURITY, WARNING,
                        "Added capabilities widen what a compromised process can do on the node.",
                        "Remove capabilities.add, or keep only NET_BIND_SERVICE when binding low ports.",
                        refs("CIS 5.2.9", "Pod Security Standards: baseline"),
                        containers((w, c) -> added(c).stream().anyMatch(a -> !"NET_BIND_SERVICE".equals(a)
                                && !DANGEROUS_CAPS.contains(a)),
                                (w, c) -> "container '" + c.getName() + "' adds " + added(c))),
                check("SEC-010", "Container adds a dangerous capability", SECURITY, CRITICAL,
                        "SYS_ADMIN, SYS_PTRACE, SYS_MODULE, NET_ADMIN, BPF and similar are near-root on the node.",
                        "Remove these capabilities; redesign the workload so it does not need them.",
                        refs("CIS 5.2.9", "NSA-CISA: Pod security"),
                        containers((w, c) -> added(c).stream().anyMatch(DANGEROUS_CAPS::contains),
                                (w, c) -> "container '" + c.getName() + "' adds "
                                        + added(c).stream().filter(DANGEROUS_CAPS::contains).toList())),
                check("SEC-011", "Capabilities not dropped", SECURITY, INFO,
                        "Containers start with the runtime's default capability set; dropping ALL is least privilege.",
                        "Set capabilities.drop: [ALL] and add back only what is needed.",
                        refs("CIS 5.2.10", "Pod Security Standards: restricted"),
                        containers((w, c) -> !drops(c, "ALL"),
                                (w, c) -> "container '" + c.getName() + "' does not drop ALL capabilities")),
                check("SEC-012", "Writable root filesystem", SECURITY, WARNING,
                        "A writable root filesystem lets an attacker drop tools and persist changes in the container.",
                        "Set readOnlyRootFilesystem: true; mount emptyDir volumes where the process must write.",
                        refs("NSA-CISA: Immutable container file systems"),
                        containers((w, c) -> !isTrue(sc(c).getReadOnlyRootFilesystem()),
                                (w, c) -> "container '" + c.getName() + "' has a writable root filesystem")),
                check("SEC-013", "hostPath volume", SECURITY, WARNING,
                        "hostPath volumes expose the node's filesystem to the pod and tie it to one node.",
                        "Use a PersistentVolumeClaim, ConfigMap, Secret or emptyDir instead.",
                        refs("CIS 5.2.12", "Pod Security Standards: baseline"),
                        workloads(w -> hostPaths(w.spec().getVolumes()).stream().anyMatch(p -> !SOCKETS.contains(p)
                                && !SENSITIVE.contains(p)),
                                w -> "mounts hostPath " + hostPaths(w.spec().getVolumes()))),
                check("SEC-014", "Container runtime socket mounted", SECURITY, CRITICAL,
                        "Whoever reaches the Docker, containerd or CRI-O socket controls every container on the node.",
                        "Remove the hostPath volume of the runtime socket.", refs("CIS 5.2.12", "NSA-CISA: Pod security"),
                        workloads(w -> hostPaths(w.spec().getVolumes()).stream().anyMatch(SOCKETS::contains),
                                w -> "mounts the container runtime socket " + hostPaths(w.spec().getVolumes()))),
                check("SEC-015", "Sensitive host directory mounted", SECURITY, CRITICAL,
                        "Mounting /, /etc, /proc, /var/lib/kubelet or similar exposes node credentials and configuration.",
                        "Remove the hostPath volume; read what is needed through the Kubernetes API.",
                        refs("CIS 5.2.12"),
                        workloads(w -> hostPaths(w.spec().getVolumes()).stream().anyMatch(SENSITIVE::contains),
                                w -> "mounts sensitive host paths " + hostPaths(w.spec().getVolumes()).stream()
                                        .filter(SENSITIVE::contains).toList())),
                check("SEC-016", "hostPort used", SECURITY, WARNING,
                        "hostPort binds a port on the node, bypasses NetworkPolicy and limits scheduling.",
                        "Remove hostPort and expose the container through a Service.",
                        refs("CIS 5.2.13", "Pod Security Standards: baseline"),
                        containers((w, c) -> c.getPorts() != null && c.getPorts().stream()
                                .map(ContainerPort::getHostPort).anyMatch(p -> p != null && p > 0),
                                (w, c) -> "container '" + c.getName() + "' binds a hostPort")),
                check("SEC-017", "Service account token automounted", SECURITY, WARNING,
                        "Pods that do not call the Kubernetes API should not carry an API token an attacker can steal.",
                        "Set automountServiceAccountToken: false on the pod or its service account, unless it calls the API.",
                        refs("CIS 5.1.6", "NSA-CISA: Authentication"),
                        (inv, out) -> {
                            for (Workload w : Rules.userWorkloads(inv)) {
                                Boolean pod = w.spec().getAutomountServiceAccountToken();
                                String sa = w.spec().getServiceAccountName() == null ? "default" : w.spec().getServiceAccountName();
                                ServiceAccount account = inv.get(ServiceAccount.class, w.namespace(), sa);
                                boolean automount = pod != null ? pod
                                        : account == null || !isFalse(account.getAutomountServiceAccountToken());
                                if (automount) {
                                    out.report(w.ref(), "pods mount a token of service account '" + sa + "'");
                                }
                            }
                        }),
                check("SEC-018", "No seccomp profile", SECURITY, WARNING,
                        "Without a seccomp profile every system call is allowed.",
                        "Set securityContext.seccompProfile.type: RuntimeDefault (pod level).",
                        refs("CIS 5.7.2", "Pod Security Standards: restricted"),
                        containers((w, c) -> seccomp(w, c) == null,
                                (w, c) -> "container '" + c.getName() + "' has no seccomp profile")),
                check("SEC-019", "seccomp explicitly Unconfined", SECURITY, WARNING,
                        "An Unconfined seccomp profile deliberately turns system-call filtering off.",
                        "Use RuntimeDefault or a Localhost profile.", refs("CIS 5.7.2", "Pod Security Standards: baseline"),
                        containers((w, c) -> "Unconfined".equals(seccomp(w, c)),
                                (w, c) -> "container '" + c.getName() + "' runs with seccomp Unconfined")),
                check("SEC-020", "AppArmor disabled", SECURITY, WARNING,
                        "An unconfined AppArmor profile removes mandatory access control from the container.",
                        "Remove the unconfined AppArmor setting (annotation or securityContext.appArmorProfile).",
                        refs("Pod Security Standards: baseline"),
                        containers((w, c) -> appArmorUnconfined(w, c),
                                (w, c) -> "container '" + c.getName() + "' runs AppArmor unconfined")),
                check("SEC-021", "Custom SELinux type or user", SECURITY, WARNING,
                        "Setting seLinuxOptions type (e.g. spc_t) or user can turn SELinux confinement off.",
                        "Remove seLinuxOptions.type/user, or use container_t, container_init_t or container_kvm_t.",
                        refs("Pod Security Standards: baseline"),
                        containers((w, c) -> badSelinux(w, c),
                                (w, c) -> "container '" + c.getName() + "' sets custom SELinux options")),
                check("SEC-022", "Unmasked /proc", SECURITY, CRITICAL,
                        "procMount: Unmasked exposes kernel interfaces in /proc that the runtime normally hides.",
                        "Remove securityContext.procMount.", refs("Pod Security Standards: baseline"),
                        containers((w, c) -> "Unmasked".equals(sc(c).getProcMount()),
                                (w, c) -> "container '" + c.getName() + "' uses procMount: Unmasked")),
                check("SEC-023", "Unsafe sysctls", SECURITY, WARNING,
                        "Sysctls outside the safe set change node-wide kernel behaviour for all pods.",
                        "Remove the sysctl, or tune it on the node and taint the node for this workload.",
                        refs("Pod Security Standards: baseline"),
                        workloads(w -> !unsafeSysctls(w.spec().getSecurityContext()).isEmpty(),
                                w -> "sets unsafe sysctls " + unsafeSysctls(w.spec().getSecurityContext()))),
                check("SEC-024", "Windows HostProcess container", SECURITY, CRITICAL,
                        "A Windows HostProcess container runs directly on the host with full access.",
                        "Remove windowsOptions.hostProcess.", refs("Pod Security Standards: baseline"),
                        containers((w, c) -> hostProcess(w, c),
                                (w, c) -> "container '" + c.getName() + "' is a Windows HostProcess container")),
                check("SEC-025", "Process namespace shared", SECURITY, INFO,
                        "shareProcessNamespace lets every container see and signal the others' processes and files.",
                        "Remove spec.shareProcessNamespace unless a sidecar really needs it.", refs("Kubernetes docs: Share process namespace"),
                        workloads(w -> isTrue(w.spec().getShareProcessNamespace()), w -> "pod template shares the process namespace")),
                check("SEC-026", "Container runs with group 0", SECURITY, WARNING,
                        "runAsGroup: 0 gives the process root group access to files owned by group root.",
                        "Set runAsGroup to a non-zero GID.", refs("NSA-CISA: Non-root containers"),
                        containers((w, c) -> Long.valueOf(0).equals(effectiveRunAsGroup(w, c)),
                                (w, c) -> "container '" + c.getName() + "' sets runAsGroup: 0")),
                check("SEC-027", "Namespace without Pod Security admission", SECURITY, WARNING,
                        "Without a pod-security.kubernetes.io/enforce label nothing stops privileged pods in the namespace.",
                        "Label the namespace pod-security.kubernetes.io/enforce=baseline (or restricted).",
                        refs("CIS 5.2.1", "NSA-CISA: Pod security"),
                        (inv, out) -> {
                            for (Namespace n : inv.userNamespaces()) {
                                if (!Inventory.labels(n).containsKey("pod-security.kubernetes.io/enforce")) {
                                    out.report(ObjectRef.of(n), "no pod-security.kubernetes.io/enforce label");
                                }
                            }
                        }),
                check("SEC-028", "Namespace enforces the privileged Pod Security level", SECURITY, WARNING,
                        "enforce=privileged admits any pod, including privileged and host-namespace pods.",
                        "Use baseline or restricted; exempt only system namespaces.", refs("CIS 5.2.1"),
                        (inv, out) -> {
                            for (Namespace n : inv.userNamespaces()) {
                                if ("privileged".equals(Inventory.labels(n).get("pod-security.kubernetes.io/enforce"))) {
                                    out.report(ObjectRef.of(n), "pod-security.kubernetes.io/enforce=privileged");
                                }
                            }
                        }),
                check("SEC-029", "Default service account automounts its token", SECURITY, INFO,
                        "Every pod that names no service account gets the default one; its token should not be mounted.",
                        "Set automountServiceAccountToken: false on each namespace's default service account.",
                        refs("CIS 5.1.5"),
                        (inv, out) -> {
                            for (ServiceAccount sa : inv.all(ServiceAccount.class)) {
                                if ("default".equals(sa.getMetadata().getName())
                                        && !Inventory.isSystemNamespace(sa.getMetadata().getNamespace())
                                        && !isFalse(sa.getAutomountServiceAccountToken())) {
                                    out.report(ObjectRef.of(sa), "default service account does not set automountServiceAccountToken: false");
                                }
                            }
                        }),
                check("SEC-030", "Long-lived service account token secret", SECURITY, WARNING,
                        "Secrets of type kubernetes.io/service-account-token never expire; bound tokens do.",
                        "Delete the secret and use projected (bound) tokens or the TokenRequest API.",
                        refs("CIS 5.1.13", "Kubernetes docs: Legacy service account tokens"),
                        (inv, out) -> {
                            for (Secret s : inv.all(Secret.class)) {
                                if ("kubernetes.io/service-account-token".equals(s.getType())) {
                                    out.report(ObjectRef.of(s), "long-lived token of service account '"
                                            + Inventory.annotations(s).getOrDefault("kubernetes.io/service-account.name", "?") + "'");
                                }
                            }
                        }),
                check("SEC-031", "TLS certificate expired", SECURITY, CRITICAL,
                        "Clients reject an expired certificate; TLS endpoints using it are down.",
                        "Renew the certificate (or fix cert-manager) and update the secret.", refs("NSA-CISA: Encryption"),
                        (inv, out) -> Certificates.tlsSecrets(inv, (s, cert) -> {
                            if (cert.notAfter().isBefore(inv.now())) {
                                out.report(ObjectRef.of(s), "certificate '" + cert.subject() + "' expired on " + cert.notAfter());
                            }
                        })),
                check("SEC-032", "TLS certificate expires within 30 days", SECURITY, WARNING,
                        "A certificate close to expiry will take its endpoints down unless it is renewed in time.",
                        "Renew the certificate now, and automate renewal (cert-manager).", refs("NSA-CISA: Encryption"),
                        (inv, out) -> Certificates.tlsSecrets(inv, (s, cert) -> {
                            if (!cert.notAfter().isBefore(inv.now())
                                    && cert.notAfter().isBefore(inv.now().plus(java.time.Duration.ofDays(30)))) {
                                out.report(ObjectRef.of(s), "certificate '" + cert.subject() + "' expires on " + cert.notAfter());
                            }
                        })),
                check("SEC-033", "TLS secret with unreadable certificate", SECURITY, WARNING,
                        "A kubernetes.io/tls secret whose tls.crt is not a PEM certificate breaks every TLS endpoint using it.",
                        "Put a PEM-encoded certificate chain in tls.crt.", refs("Kubernetes docs: TLS secrets"),
                        (inv, out) -> Certificates.unreadable(inv, s -> out.report(ObjectRef.of(s),
                                "tls.crt is missing or is not a PEM certificate"))),
                check("SEC-034", "Credentials in plain environment variables", SECURITY, CRITICAL,
                        "A literal password or token in the pod spec is readable by anyone who can read the workload.",
                        "Move the value into a Secret and reference it (preferably as a mounted file).",
                        refs("CIS 5.4.1", "NSA-CISA: Secrets"),
                        containers((w, c) -> !plainSecrets(c).isEmpty(),
                                (w, c) -> "container '" + c.getName() + "' has literal values in " + plainSecrets(c))),
                check("SEC-035", "Private key in a ConfigMap", SECURITY, CRITICAL,
                        "ConfigMaps are not confidential: NS viewers and many tools read them; private keys belong in Secrets.",
                        "Move the key into a Secret, rotate it, and delete it from the ConfigMap.", refs("NSA-CISA: Secrets"),
                        (inv, out) -> {
                            for (ConfigMap cm : inv.all(ConfigMap.class)) {
                                if (cm.getData() != null && cm.getData().values().stream()
                                        .anyMatch(v -> v != null && v.contains("PRIVATE KEY-----"))) {
                                    out.report(ObjectRef.of(cm), "contains a PEM private key");
                                }
                            }
                        }),
                check("SEC-036", "Image pulled without registry", SECURITY, INFO,
                        "An unqualified image name resolves to Docker Hub, which may not be the registry you trust.",
                        "Name the registry explicitly (registry.example.com/team/app:1.2.3).",
                        refs("NSA-CISA: Supply chain - trusted registries"),
                        containers((w, c) -> c.getImage() != null && !qualified(c.getImage()),
                                (w, c) -> "container '" + c.getName() + "' uses unqualified image '" + c.getImage() + "'")));
    }

    /** Does the image name its registry ({@code registry.example.com/app}, {@code localhost:5000/app})? */
    static boolean qualified(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    static SecurityContext sc(Container c) {
        return c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
    }

    private static PodSecurityContext psc(Workload w) {
        return w.spec().getSecurityContext() == null ? new PodSecurityContext() : w.spec().getSecurityContext();
    }

    static Boolean effectiveRunAsNonRoot(Workload w, Container c) {
        Boolean own = sc(c).getRunAsNonRoot();
        return own != null ? own : psc(w).getRunAsNonRoot();
    }

    static Long effectiveRunAsUser(Workload w, Container c) {
        Long own = sc(c).getRunAsUser();
        return own != null ? own : psc(w).getRunAsUser();
    }

    private static Long effectiveRunAsGroup(Workload w, Container c) {
        Long own = sc(c).getRunAsGroup();
        return own != null ? own : psc(w).getRunAsGroup();
    }

    private static boolean nonZero(Long uid) {
        return uid != null && uid != 0;
    }

    private static String seccomp(Workload w, Container c) {
        SeccompProfile own = sc(c).getSeccompProfile();
        SeccompProfile pod = psc(w).getSeccompProfile();
        SeccompProfile p = own != null ? own : pod;
        if (p != null && p.getType() != null) {
            return p.getType();
        }
        String ann = w.podAnnotations().get("seccomp.security.alpha.kubernetes.io/pod");
        if (ann != null) {
            return "unconfined".equals(ann) ? "Unconfined" : "RuntimeDefault";
        }
        return null;
    }

    private static boolean appArmorUnconfined(Workload w, Container c) {
        if (sc(c).getAppArmorProfile() != null) {
            return "Unconfined".equals(sc(c).getAppArmorProfile().getType());
        }
        if (psc(w).getAppArmorProfile() != null && "Unconfined".equals(psc(w).getAppArmorProfile().getType())) {
            return true;
        }
        return "unconfined".equals(w.podAnnotations().get("container.apparmor.security.beta.kubernetes.io/" + c.getName()));
    }

    private static boolean badSelinux(Workload w, Container c) {
        var own = sc(c).getSeLinuxOptions();
        var pod = psc(w).getSeLinuxOptions();
        for (var o : new io.fabric8.kubernetes.api.model.SELinuxOptions[] {own, pod}) {
            if (o == null) {
                continue;
            }
            if (o.getUser() != null && !o.getUser().isBlank()) {
                return true;
            }
            String type = o.getType();
            if (type != null && !type.isBlank() && !Set.of("container_t", "container_init_t", "container_kvm_t").contains(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hostProcess(Workload w, Container c) {
        var own = sc(c).getWindowsOptions();
        var pod = psc(w).getWindowsOptions();
        return own != null && isTrue(own.getHostProcess()) || pod != null && isTrue(pod.getHostProcess());
    }

    static List<String> added(Container c) {
        Capabilities caps = sc(c).getCapabilities();
        return caps == null || caps.getAdd() == null ? List.of()
                : caps.getAdd().stream().map(a -> a.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "")).toList();
    }

    private static boolean drops(Container c, String cap) {
        Capabilities caps = sc(c).getCapabilities();
        return caps != null && caps.getDrop() != null && caps.getDrop().stream()
                .map(d -> d.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "")).anyMatch(d -> d.equals(cap) || d.equals("ALL"));
    }

    static List<String> hostPaths(List<Volume> volumes) {
        if (volumes == null) {
            return List.of();
        }
        return volumes.stream().filter(v -> v.getHostPath() != null && v.getHostPath().getPath() != null)
                .map(v -> v.getHostPath().getPath().replaceAll("(.)/+$", "$1")).toList();
    }

    private static List<String> unsafeSysctls(PodSecurityContext psc) {
        if (psc == null || psc.getSysctls() == null) {
            return List.of();
        }
        return psc.getSysctls().stream().map(Sysctl::getName).filter(n -> !SAFE_SYSCTLS.contains(n)).toList();
    }

    private static List<String> plainSecrets(Container c) {
        if (c.getEnv() == null) {
            return List.of();
        }
        return c.getEnv().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank()
                        && SECRET_NAME.matcher(e.getName().toUpperCase(Locale.ROOT)).matches()
                        && !e.getName().toUpperCase(Locale.ROOT).endsWith("_FILE")
                        && !e.getName().toUpperCase(Locale.ROOT).endsWith("_PATH"))
                .map(EnvVar::getName).toList();
    }
}
