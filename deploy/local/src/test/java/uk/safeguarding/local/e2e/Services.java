package uk.safeguarding.local.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.ingest.IncidentIngestApplication;
import uk.safeguarding.local.LocalPoliceSystems;
import uk.safeguarding.notification.NotificationServiceApplication;
import uk.safeguarding.notification.routing.intake.Bindings;
import uk.safeguarding.testkit.EmbeddedInfrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * incident-ingest and notification-service running in this JVM, with what the tests need to reach them.
 * notification-service runs split, as production may run it: one context with profile {@code routing} and one with
 * profile {@code delivery}, meeting only on the alert topics (and the database server), so every end-to-end test
 * also proves the two modules work as separate processes.
 */
public final class Services implements ExtensionContext.Store.CloseableResource {

    public static final String INGEST_DB = "incident_ingest";
    public static final String NOTIFICATION_DB = "notification";
    /** The force whose incidents the concern rules watch in these tests, and its children's social care. */
    public static final String FAMILY_FORCE = "E2F";
    public static final String FAMILY_CSC = "E2E-CSC";

    private final ConfigurableApplicationContext ingest;
    private final ConfigurableApplicationContext notification;
    private final ConfigurableApplicationContext delivery;
    private final Http http;
    private final JdbcTemplate notificationDb;

    /**
     * The tests' police system: allowed the forces the end-to-end tests submit for (E2E, the family tests' own area
     * and the demo's).
     */
    public static final LocalPoliceSystems.Client POLICE_SYSTEM =
            new LocalPoliceSystems.Client("e2e-police-system", "e2e-police-secret", List.of("E2E", "E2F", "WMP", "EXP"));
    public static final LocalPoliceSystems.Client OTHER_FORCE = LocalPoliceSystems.OTHER_FORCE;

    private volatile String policeToken;

    private Services(ConfigurableApplicationContext ingest, ConfigurableApplicationContext notification,
                     ConfigurableApplicationContext delivery) {
        this.ingest = ingest;
        this.notification = notification;
        this.delivery = delivery;
        this.http = new Http(ingestUrl(), this::policeToken);
        this.notificationDb = new JdbcTemplate(EmbeddedInfrastructure.get().dataSource(NOTIFICATION_DB));
    }

    static Services start() {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.get();
        Map<String, Object> notificationProperties = new java.util.LinkedHashMap<>(infra.serviceProperties(NOTIFICATION_DB));
        // concern rules only for the force of FamilyPatternsTest, to its own children's social care, so that other
        // tests' high-risk or repeated incidents raise no concern alert
        notificationProperties.put("notification.concerns.areas.default.recipient-organisation-id", "");
        notificationProperties.put("notification.concerns.areas.e2e-family.forces", FAMILY_FORCE);
        notificationProperties.put("notification.concerns.areas.e2e-family.recipient-organisation-id", FAMILY_CSC);
        // the end-to-end run's own key for the secrets kept encrypted in the database
        notificationProperties.put("notification.secrets.key", uk.safeguarding.platform.secrets.SecretBox.newKey());
        notificationProperties.put("spring.profiles.active", "routing");
        ConfigurableApplicationContext notification = run(NotificationServiceApplication.builder(),
                notificationProperties);
        ConfigurableApplicationContext delivery;
        try {
            notificationProperties.put("spring.profiles.active", "delivery");
            delivery = run(NotificationServiceApplication.builder(), notificationProperties);
        } catch (RuntimeException e) {
            notification.close();
            throw e;
        }
        try {
            Map<String, Object> ingestProperties = new java.util.LinkedHashMap<>(infra.serviceProperties(INGEST_DB));
            // the launcher's local token issuer, with the tests' police systems; tokens outlive any test run
            LocalPoliceSystems.ingestProperties(List.of(POLICE_SYSTEM, OTHER_FORCE))
                    .forEach(p -> ingestProperties.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1)));
            ingestProperties.put("ingest.auth.local-issuer.token-validity-seconds", "86400");
            ConfigurableApplicationContext ingest = run(IncidentIngestApplication.builder(), ingestProperties);
            return new Services(ingest, notification, delivery);
        } catch (RuntimeException e) {
            notification.close();
            delivery.close();
            throw e;
        }
    }

    /** Properties as command-line arguments: they win over the service's YAML (builder properties would not). */
    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, Map<String, Object> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        return builder.registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    public String ingestUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) ingest).getWebServer().getPort();
    }

    /** notification-service's routing process: the directory, the working list, calendars, the audit. */
    public String notificationUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) notification).getWebServer().getPort();
    }

    /** notification-service's delivery process: the inbox, the alerts API, probation answers, delivery settings. */
    public String deliveryUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) delivery).getWebServer().getPort();
    }

    /** The URL of a notification-service path, on the process (routing or delivery) that serves it. */
    public String notificationUrl(String path) {
        boolean routing = java.util.stream.Stream.of("/api/v1/directory", "/api/v1/unresolved", "/api/v1/calendars",
                "/api/v1/audit", "/inbox/unresolved", "/inbox/audit").anyMatch(path::startsWith);
        return (routing ? notificationUrl() : deliveryUrl()) + path;
    }

    /** The consumer group notification-service reads the incidents topic with. */
    public String notificationGroup() {
        String group = notification.getEnvironment()
                .getProperty("spring.cloud.stream.bindings." + Bindings.INPUT + ".group");
        if (group == null) {
            throw new IllegalStateException("notification-service has no consumer group on " + Bindings.INPUT);
        }
        return group;
    }

    /** Requests to incident-ingest carry {@link #POLICE_SYSTEM}'s token. */
    public Http http() {
        return http;
    }

    /** A token for the tests' police system, fetched from the local issuer once. */
    public String policeToken() {
        if (policeToken == null) {
            policeToken = LocalPoliceSystems.token(ingestUrl(), POLICE_SYSTEM);
        }
        return policeToken;
    }

    /** The organisation the e2e tests' administrators belong to (the tests run without the demo directory). */
    static final String ADMIN_ORGANISATION = "E2E-PLATFORM";
    private static final String ADMIN_PASSWORD = "e2e-admin-password";

    /**
     * A client signed in (HTTP Basic) as a person with this role, as an administrator's script would be. The person
     * and their organisation are written straight into the notification database the first time: people are not
     * part of the directory API.
     */
    public Http as(uk.safeguarding.notification.shared.security.PersonRole role) {
        notificationDb.update("insert into organisation (id, name, kind) values (?, 'E2E platform team',"
                + " 'LOCAL_AUTHORITY') on conflict do nothing", ADMIN_ORGANISATION);
        return as(ADMIN_ORGANISATION, role);
    }

    /** A client signed in as a person with this role at this (existing) organisation, e.g. a probation unit's staff. */
    public Http as(String organisationId, uk.safeguarding.notification.shared.security.PersonRole role) {
        String who = (organisationId + "-" + role.name()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String email = "e2e-" + who + "@platform.example";
        notificationDb.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing", "E2E-" + who, organisationId,
                "E2E " + role.name(), email, role.name(),
                new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD));
        return http.signedInAs(email, ADMIN_PASSWORD);
    }

    /** The notification database, to read the ledger (never to write directory data: that goes through the API). */
    public JdbcTemplate notificationDb() {
        return notificationDb;
    }

    public String kafkaBootstrapServers() {
        return EmbeddedInfrastructure.get().kafkaBootstrapServers();
    }

    public String registryUrl() {
        return EmbeddedInfrastructure.get().schemaRegistryUrl();
    }

    @Override
    public void close() {
        ingest.close();
        delivery.close();
        notification.close();
    }
}
