package uk.safeguarding.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.deploy.Repository.at;
import static uk.safeguarding.deploy.Repository.list;
import static uk.safeguarding.deploy.Repository.map;

/**
 * deploy/kubernetes, checked offline: every file is part of the kustomization, every resource of a known kind and API
 * version with its required fields, no Secret committed, and every Deployment runs non-root with resources, the
 * services' liveness and readiness probes, secrets by reference, a PodDisruptionBudget and a Service that select it.
 */
class KubernetesManifestsTest {

    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaUser", "kafka.strimzi.io/v1beta2"),
            // the Prometheus operator's: scrape targets and alert rules
            Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"), Map.entry("PrometheusRule", "monitoring.coreos.com/v1"));
    private static final Map<String, Integer> SERVICE_PORTS = Map.of("incident-ingest", 8080, "notification-service", 8082);
    private static final String NAME = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";

    @Test
    void everyManifestIsInTheKustomizationAndTheKustomizationListsNothingElse() {
        Map<String, Object> kustomization = Repository.yaml(Kubernetes.DIR + "/kustomization.yaml");
        assertThat(kustomization).containsEntry("apiVersion", "kustomize.config.k8s.io/v1beta1")
                .containsEntry("kind", "Kustomization").containsEntry("namespace", "safeguarding");
        assertThat(list(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(Kubernetes.files());
        Set<String> images = new TreeSet<>();
        list(kustomization.get("images")).forEach(i -> images.add((String) map(i).get("name")));
        assertThat(images).containsExactlyInAnyOrder("safeguarding/incident-ingest", "safeguarding/notification-service");
    }

    @Test
    void everyResourceHasAKnownKindItsApiVersionAndAValidNameAndNoneIsASecret() {
        List<Kubernetes.Resource> resources = Kubernetes.resources();
        assertThat(resources).isNotEmpty();
        Set<String> seen = new TreeSet<>();
        for (Kubernetes.Resource resource : resources) {
            assertThat(resource.kind()).as(resource.file() + ": kind").isIn(API_VERSIONS.keySet());
            assertThat(resource.body().get("apiVersion")).as(resource + ": apiVersion").isEqualTo(API_VERSIONS.get(resource.kind()));
            assertThat(resource.name()).as(resource + ": metadata.name").isNotNull().matches(NAME).hasSizeLessThanOrEqualTo(63);
            assertThat(seen.add(resource.kind() + "/" + resource.name())).as(resource + " declared twice").isTrue();
            if (!resource.kind().equals("ConfigMap") && !resource.kind().equals("Namespace")) {
                assertThat(resource.body().get("spec")).as(resource + ": spec").isNotNull();
            }
            assertThat(resource.body().get("metadata.namespace")).as(resource + ": the kustomization sets the namespace").isNull();
        }
        assertThat(resources).extracting(Kubernetes.Resource::kind).doesNotContain("Secret");
    }

    @Test
    void everyDeploymentRunsNonRootWithResourcesAndTheServicesProbes() {
        List<Kubernetes.Resource> deployments = Kubernetes.ofKind("Deployment");
        assertThat(deployments).extracting(Kubernetes.Resource::name).containsExactlyInAnyOrderElementsOf(SERVICE_PORTS.keySet());
        for (Kubernetes.Resource deployment : deployments) {
            Map<String, Object> body = deployment.body();
            Map<String, Object> selector = map(at(body, "spec.selector.matchLabels"));
            assertThat(selector).as(deployment + ": selector").isNotEmpty();
            assertThat(map(at(body, "spec.template.metadata.labels"))).as(deployment + ": pod labels").containsAllEntriesOf(selector);
            assertThat((Integer) at(body, "spec.replicas")).as(deployment + ": replicas").isGreaterThanOrEqualTo(2);

            Map<String, Object> pod = map(at(body, "spec.template.spec"));
            assertThat(at(pod, "securityContext.runAsNonRoot")).as(deployment + ": runAsNonRoot").isEqualTo(true);
            assertThat(at(pod, "securityContext.runAsUser")).as(deployment + ": the images' user").isEqualTo(65532);
            List<Object> containers = list(pod.get("containers"));
            assertThat(containers).hasSize(1);
            Map<String, Object> container = map(containers.get(0));
            int port = SERVICE_PORTS.get(deployment.name());

            assertThat((String) container.get("image")).as(deployment + ": image")
                    .startsWith("safeguarding/" + deployment.name() + ":");
            assertThat(list(container.get("ports"))).as(deployment + ": ports")
                    .containsExactly(Map.of("name", "http", "containerPort", port));
            for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                assertThat(at(map(container.get("resources")), resource)).as(deployment + ": resources." + resource).isNotNull();
            }
            assertThat(at(container, "resources.limits.memory")).as(deployment + ": memory request = limit (no overcommit)")
                    .isEqualTo(at(container, "resources.requests.memory"));
            assertProbe(deployment, container, "livenessProbe", "/actuator/health/liveness");
            assertProbe(deployment, container, "readinessProbe", "/actuator/health/readiness");
            assertProbe(deployment, container, "startupProbe", "/actuator/health/liveness");
            assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(list(at(container, "securityContext.capabilities.drop"))).containsExactly("ALL");
            assertThat(list(container.get("volumeMounts"))).as(deployment + ": a writable /tmp")
                    .anyMatch(m -> "/tmp".equals(map(m).get("mountPath")));
            assertSecretsByReference(deployment, container);
        }
    }

    @Test
    void eachNotificationServicePodNamesItsOwnInstanceFromItsPodName() {
        Map<String, Object> container = map(list(at(Kubernetes.named("Deployment", "notification-service").body(),
                "spec.template.spec.containers")).get(0));
        assertThat(list(container.get("env"))).anyMatch(e -> "NOTIFICATION_INSTANCE_ID".equals(map(e).get("name"))
                && "metadata.name".equals(at(map(e), "valueFrom.fieldRef.fieldPath")));
    }

    @Test
    void everyDeploymentHasADisruptionBudgetAndAServiceThatSelectIt() {
        for (Kubernetes.Resource deployment : Kubernetes.ofKind("Deployment")) {
            Map<String, Object> podLabels = map(at(deployment.body(), "spec.template.metadata.labels"));
            List<Kubernetes.Resource> budgets = Kubernetes.ofKind("PodDisruptionBudget").stream()
                    .filter(b -> podLabels.entrySet().containsAll(map(at(b.body(), "spec.selector.matchLabels")).entrySet()))
                    .toList();
            assertThat(budgets).as(deployment + ": a PodDisruptionBudget").hasSize(1);
            assertThat(at(budgets.get(0).body(), "spec.minAvailable")).isEqualTo(1);

            List<Kubernetes.Resource> services = Kubernetes.ofKind("Service").stream()
                    .filter(s -> podLabels.entrySet().containsAll(map(at(s.body(), "spec.selector")).entrySet()))
                    .toList();
            assertThat(services).as(deployment + ": a Service").hasSize(1);
            assertThat(list(at(services.get(0).body(), "spec.ports")))
                    .allMatch(p -> "http".equals(map(p).get("targetPort")));
        }
    }

    @Test
    void everyConfigMapADeploymentReadsExists() {
        for (Kubernetes.Resource deployment : Kubernetes.ofKind("Deployment")) {
            for (Object container : list(at(deployment.body(), "spec.template.spec.containers"))) {
                for (Object source : list(map(container).get("envFrom"))) {
                    String configMap = (String) at(map(source), "configMapRef.name");
                    Kubernetes.named("ConfigMap", configMap);
                }
            }
        }
        assertThat(map(Kubernetes.named("ConfigMap", "platform-config").body().get("data")))
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTO_CREATE_TOPICS", "false")
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_AUTO_REGISTER_SCHEMAS", "false")
                .containsEntry("PLATFORM_KAFKA_BOOTSTRAP_SERVERS", KafkaTopicsTest.clusterName() + "-kafka-bootstrap:9093");
    }

    @Test
    void prometheusScrapesBothServicesAndLoadsTheSameAlertRulesAsCompose() {
        // the ServiceMonitor selects each service's Service and scrapes its http port at /actuator/prometheus
        Map<String, Object> monitor = Kubernetes.named("ServiceMonitor", "safeguarding-services").body();
        for (String service : SERVICE_PORTS.keySet()) {
            Map<String, Object> labels = map(at(Kubernetes.named("Service", service).body(), "metadata.labels"));
            assertThat(list(at(monitor, "spec.selector.matchExpressions"))).as(service).anySatisfy(e -> {
                assertThat(map(e).get("key")).isEqualTo("app.kubernetes.io/name");
                assertThat(map(e).get("operator")).isEqualTo("In");
                assertThat(list(map(e).get("values"))).contains(labels.get("app.kubernetes.io/name"));
            });
            assertThat(list(at(Kubernetes.named("Service", service).body(), "spec.ports")))
                    .anyMatch(p -> "http".equals(map(p).get("name")));
        }
        assertThat(list(at(monitor, "spec.endpoints"))).singleElement().satisfies(e -> {
            assertThat(map(e)).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
        });

        // the PrometheusRule holds exactly the groups of the rule file compose's Prometheus loads
        Map<String, Object> rule = Kubernetes.named("PrometheusRule", "safeguarding-alert-rules").body();
        assertThat(at(rule, "spec.groups"))
                .isEqualTo(Repository.yaml("deploy/compose/prometheus/alert-rules.yml").get("groups"));
    }

    private static void assertProbe(Kubernetes.Resource deployment, Map<String, Object> container, String probe, String path) {
        Map<String, Object> httpGet = map(at(map(container.get(probe)), "httpGet"));
        assertThat(httpGet).as(deployment + ": " + probe).containsEntry("path", path).containsEntry("port", "http");
    }

    /** Every variable whose name says it is a secret comes from a Secret; no value is written in the manifest. */
    private static void assertSecretsByReference(Kubernetes.Resource deployment, Map<String, Object> container) {
        List<String> literal = new ArrayList<>();
        for (Object item : list(container.get("env"))) {
            Map<String, Object> env = map(item);
            String name = (String) env.get("name");
            if (name.matches(".*(PASSWORD|SECRET|JAAS_CONFIG|USER_INFO|_KEY)$")) {
                if (env.containsKey("value") || at(env, "valueFrom.secretKeyRef.name") == null
                        || at(env, "valueFrom.secretKeyRef.key") == null) {
                    literal.add(name);
                }
            }
        }
        assertThat(literal).as(deployment + ": secrets not read from a Secret").isEmpty();
        assertThat(list(container.get("env"))).as(deployment + ": Kafka credentials from the Strimzi user's Secret")
                .anyMatch(e -> "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_JAAS_CONFIG".equals(map(e).get("name"))
                        && deployment.name().equals(at(map(e), "valueFrom.secretKeyRef.name"))
                        && "sasl.jaas.config".equals(at(map(e), "valueFrom.secretKeyRef.key")));
    }
}
