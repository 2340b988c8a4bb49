package io.flotilla.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.LabelSelector;
import io.flotilla.platform.Page;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The cluster registry's public face: register (after verifying the connection), list, read,
 * update, delete, and probe member clusters. Callers never see credentials or SQL.
 */
@Service
public class ClusterService {

    private static final Logger log = LoggerFactory.getLogger(ClusterService.class);
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Set<String> PHASES = Set.of(ClusterHealth.RUNNING, ClusterHealth.UNHEALTHY, ClusterHealth.UNKNOWN);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final ClusterRepository repository;
    private final CredentialVault vault;
    private final HealthSettings settings;
    private final Clock clock;
    private final Timer probeTimer;
    private final ClusterClients clients;

    ClusterService(ClusterRepository repository, CredentialVault vault, HealthSettings settings, Clock clock,
            MeterRegistry meters, ClusterClients clients) {
        this.repository = repository;
        this.clients = clients;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
        this.probeTimer = Timer.builder("flotilla.cluster.probe").description("duration of cluster health probes")
                .register(meters);
    }

    public Cluster register(ClusterRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String name = request.name();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 63 || !DNS1123_LABEL.matcher(name).matches()) {
            errors.add(new FieldError("name", "'" + name + "' must be a DNS-1123 label: at most 63 lower-case "
                    + "letters, digits and '-', starting and ending with a letter or digit"));
        }
        validateDescriptive(request, errors);
        if (!request.hasCredentials()) {
            errors.add(new FieldError("kubeconfig", "give a kubeconfig, or server and token"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        ClusterCredentials credentials = credentials(request);
        if (repository.existsByName(name)) {
            throw ApiException.conflict("a cluster named '" + name + "' is already registered; pick another name "
                    + "or update that cluster");
        }
        Instant now = clock.instant();
        ClusterHealth health = ClusterHealth.unknown();
        Instant nextProbe = now;
        if (!request.skip()) {
            HealthPolicy.Outcome outcome = HealthPolicy.next(health, verified(credentials), now, settings, random());
            health = outcome.health();
            nextProbe = outcome.nextProbe();
        }
        UUID id = UUID.randomUUID();
        ClusterRow row = new ClusterRow(id, name, orDefault(request.displayName(), name),
                orDefault(request.description(), ""), labels(request.labels()), credentials.server(),
                credentials.type(), vault.encrypt(id, credentials), health, now, now, 1);
        try {
            repository.insert(row, nextProbe);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("a cluster named '" + name + "' is already registered");
        }
        log.info("registered cluster {} ({}, verified={})", name, credentials.server(), !request.skip());
        return row.view();
    }

    public Page<Cluster> list(String labelSelector, String phase, Integer limit, String continueToken) {
        return list(labelSelector, phase, limit, continueToken, null);
    }

    /** Like {@link #list(String, String, Integer, String)}, restricted to the named clusters (null: all). */
    public Page<Cluster> list(String labelSelector, String phase, Integer limit, String continueToken,
            Set<String> onlyNames) {
        int size = ContinueToken.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(labelSelector);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("labelSelector", e.getMessage());
        }
        if (phase != null && !PHASES.contains(phase)) {
            throw ApiException.badRequest("phase", "must be one of Running, Unhealthy, Unknown");
        }
        String after = continueToken == null || continueToken.isBlank() ? null : ContinueToken.decode(continueToken);
        List<ClusterRow> rows = onlyNames != null && onlyNames.isEmpty() ? List.of()
                : repository.list(selector, phase, after, size, onlyNames);
        boolean more = rows.size() > size;
        List<Cluster> items = rows.stream().limit(size).map(ClusterRow::view).toList();
        return new Page<>(items, more ? ContinueToken.encode(items.getLast().name()) : null);
    }

    public Cluster get(String name) {
        return row(name).view();
    }

    public Cluster update(String name, ClusterRequest request) {
        ClusterRow row = row(name);
        List<FieldError> errors = new ArrayList<>();
        validateDescriptive(request, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Instant now = clock.instant();
        String server = null;
        String type = null;
        byte[] sealed = null;
        ClusterHealth health = null;
        Instant nextProbe = now;
        if (request.hasCredentials()) {
            ClusterCredentials credentials = credentials(request);
            if (!request.skip()) {
                HealthPolicy.Outcome outcome = HealthPolicy.next(row.health(), verified(credentials), now, settings,
                        random());
                health = outcome.health();
                nextProbe = outcome.nextProbe();
            }
            server = credentials.server();
            type = credentials.type();
            sealed = vault.encrypt(row.id(), credentials);
        }
        repository.update(row.id(), orDefault(request.displayName(), row.displayName()),
                request.description() == null ? row.description() : request.description(),
                request.labels() == null ? row.labels() : labels(request.labels()), server, type, sealed, health,
                nextProbe, now);
        log.info("updated cluster {} (credentials changed={})", name, sealed != null);
        return get(name);
    }

    public void delete(String name) {
        ClusterRow row = row(name);
        if (!repository.delete(row.id())) {
            throw ApiException.notFound("cluster '" + name + "'");
        }
        clients.evict(row.id());
        log.info("deleted cluster {}", name);
    }

    /** Probes a cluster now and stores the result. */
    public Cluster probe(String name) {
        ClusterRow row = row(name);
        probeAndSave(row);
        return get(name);
    }

    /** Checks credentials without storing anything. */
    public VerificationResult verify(ClusterRequest request) {
        if (!request.hasCredentials()) {
            throw ApiException.badRequest("kubeconfig", "give a kubeconfig, or server and token");
        }
        return VerificationResult.of(probe(credentials(request)));
    }

    /** Probes a claimed row and writes the outcome; used by the health monitor. */
    void probeAndSave(ClusterRow row) {
        ProbeResult result;
        try {
            result = probe(vault.decrypt(row.id(), row.credentials()));
        } catch (IllegalStateException e) {
            result = new ProbeResult.Failure("Error", e.getMessage());
        }
        Instant now = clock.instant();
        HealthPolicy.Outcome outcome = HealthPolicy.next(row.health(), result, now, settings, random());
        if (!row.health().phase().equals(outcome.health().phase())) {
            log.info("cluster {} is now {}{}", row.name(), outcome.health().phase(),
                    outcome.health().lastError() == null ? "" : ": " + outcome.health().lastError());
        }
        repository.saveHealth(row.id(), row.generation(), outcome.health(), outcome.nextProbe());
    }

    /**
     * The shared, long-lived fabric8 client of a registered cluster. Do NOT close it: it is closed
     * when the cluster's credentials change or the cluster is removed.
     */
    public KubernetesClient sharedClient(String name) {
        return clients.get(row(name));
    }

    /** A new fabric8 client for a registered cluster; the caller closes it. */
    public KubernetesClient client(String name) {
        ClusterRow row = row(name);
        return ClusterClientFactory.create(vault.decrypt(row.id(), row.credentials()), settings.probeTimeout());
    }

    private ProbeResult probe(ClusterCredentials credentials) {
        return probeTimer.record(() -> {
            try (KubernetesClient client = ClusterClientFactory.create(credentials, settings.probeTimeout())) {
                return ClusterProbe.probe(client);
            }
        });
    }

    private ProbeResult.Success verified(ClusterCredentials credentials) {
        return switch (probe(credentials)) {
            case ProbeResult.Success s -> s;
            case ProbeResult.Failure f -> throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Cluster verification failed", f.reason() + ": " + f.message()
                            + ". Nothing was stored; fix the credentials or set skipVerification to store anyway.");
        };
    }

    private ClusterRow row(String name) {
        return repository.findByName(name).orElseThrow(() -> ApiException.notFound("cluster '" + name + "'"));
    }

    private static ClusterCredentials credentials(ClusterRequest request) {
        try {
            boolean hasKubeconfig = request.kubeconfig() != null && !request.kubeconfig().isBlank();
            boolean hasServer = request.server() != null && !request.server().isBlank();
            if (hasKubeconfig && hasServer) {
                throw new CredentialsException("server", "give either a kubeconfig or server and token, not both");
            }
            if (hasKubeconfig) {
                return KubeconfigParser.parse(request.kubeconfig(), request.context());
            }
            return KubeconfigParser.fromToken(request.server(), request.token(), request.caData(),
                    Boolean.TRUE.equals(request.insecureSkipTlsVerify()));
        } catch (CredentialsException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        }
    }

    private static void validateDescriptive(ClusterRequest request, List<FieldError> errors) {
        if (request.displayName() != null && request.displayName().length() > 128) {
            errors.add(new FieldError("displayName", "must be at most 128 characters"));
        }
        if (request.description() != null && request.description().length() > 1024) {
            errors.add(new FieldError("description", "must be at most 1024 characters"));
        }
        if (request.labels() != null) {
            request.labels().forEach((k, v) -> {
                if (!LabelSelector.isValidKey(k)) {
                    errors.add(new FieldError("labels." + k, "'" + k + "' is not a valid label key"));
                } else if (!LabelSelector.isValidValue(v)) {
                    errors.add(new FieldError("labels." + k, "'" + v + "' is not a valid label value (at most 63 "
                            + "letters, digits, '-', '_' or '.', starting and ending with a letter or digit)"));
                }
            });
        }
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : new LinkedHashMap<>(labels);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static double random() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
