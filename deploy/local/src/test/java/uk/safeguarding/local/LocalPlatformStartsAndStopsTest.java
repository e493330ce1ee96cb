package uk.safeguarding.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import uk.safeguarding.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher itself: Kafka from its own server classes, PostgreSQL and the three services on ports the test
 * chooses, all answering, and all stopped again on close. One start, so it stays cheap.
 */
class LocalPlatformStartsAndStopsTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void launcherStartsEveryPartOnTheGivenPortsAnswersOnItsUrlsAndStopsCleanly(@TempDir Path dataDir) throws Exception {
        // given nine different free ports and an empty data directory
        int[] port = Ports.free(9);
        LocalPlatformOptions options = LocalPlatformOptions.parse(
                "--kafka-port=" + port[0], "--kafka-controller-port=" + port[1],
                "--registry-port=" + port[2], "--ingest-port=" + port[3],
                "--notification-port=" + port[4], "--postgres-port=" + port[5],
                "--smtp-port=" + port[6], "--imap-port=" + port[7], "--mail-page-port=" + port[8],
                "--data-dir=" + dataDir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        // when the launcher starts
        try (LocalPlatform platform = LocalPlatform.start(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            platform.printUrls();

            // then every URL it prints answers
            assertThat(get(platform.registryUrl() + "/subjects")).isEqualTo(200);
            assertThat(get(platform.ingestUrl() + "/v3/api-docs")).isEqualTo(200);
            // notification-service's API docs need a signed-in person (any demo account)
            assertThat(get(platform.notificationUrl() + "/v3/api-docs")).isEqualTo(401);
            assertThat(get(platform.notificationUrl() + "/v3/api-docs", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((uk.safeguarding.notification.demo.DemoSignIns.OPERATIONS_EMAIL + ":"
                            + uk.safeguarding.notification.demo.DemoSignIns.PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)))).isEqualTo(200);
            // ingest's API wants a token, which the launcher's local issuer gives its local police systems
            assertThat(get(platform.ingestUrl() + "/api/v1/incidents/unknown")).isEqualTo(401);
            String token = LocalPoliceSystems.token(platform.ingestUrl(), LocalPoliceSystems.POLICE);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(platform.ingestUrl() + "/api/v1/incidents/unknown"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            // the inbox's login guards the inbox only: the registry and ingest's API description answer without one
            assertThat(get(platform.notificationUrl() + "/inbox/sign-in")).isEqualTo(200);
            // the broker has the platform's topics, created by the launcher
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    platform.kafkaBootstrapServers()))) {
                assertThat(admin.listTopics().names().get())
                        .containsAll(Topics.all().stream().map(Topics.Topic::name).toList());
            }
            String printed = console.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains(platform.ingestUrl() + "/api/v1/incidents",
                    platform.ingestUrl() + "/docs", platform.notificationUrl(),
                    platform.registryUrl(), platform.kafkaBootstrapServers(),
                    platform.jdbcUrl(LocalPlatform.DB_NOTIFICATION), platform.notificationUrl() + "/inbox/sign-in",
                    platform.ingestUrl() + LocalPoliceSystems.TOKEN_PATH, LocalPoliceSystems.POLICE.clientId(),
                    platform.mailPageUrl(), "localhost:" + port[7]);

            // and the email the local mail server receives (here a new deputy's invitation) is listed on its page,
            // newest first, with its link, and is in the deputy's mailbox over IMAP
            String newcomer = "newcomer-" + port[8] + "@st-aidans-cofe-primary-school.example";
            HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(platform.notificationUrl()
                            + "/api/v1/directory/people")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", directoryAdmin()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"P-LOCAL-NEWCOMER\",\"organisationId\":"
                            + "\"ORG-SCH-03\",\"displayName\":\"Newcomer Testwell\",\"email\":\"" + newcomer
                            + "\",\"role\":\"DEPUTY\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            String page = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> http.send(HttpRequest.newBuilder(URI.create(platform.mailPageUrl()))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body(),
                    body -> body.contains(newcomer));
            assertThat(page).contains("Email received by the local mail server",
                    "Set up your account for safeguarding alerts", "Hello Newcomer Testwell",
                    "<a href=\"" + platform.inboxUrl() + "/invitation/", "(UK time)");
            assertThat(get(platform.mailPageUrl() + "elsewhere")).isEqualTo(404);
            java.util.Properties imap = new java.util.Properties();
            imap.put("mail.imap.connectiontimeout", "5000");
            imap.put("mail.imap.timeout", "5000");
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(imap).getStore("imap");
            store.connect("localhost", port[7], newcomer, "any password");
            try {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(1);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Set up your account for safeguarding alerts");
                inbox.close(false);
            } finally {
                store.close();
            }
        }

        // and after close every port is free again, the data kept
        options.ports().forEach(use -> assertThat(Ports.isFree(use.port())).as(use.what()).isTrue());
        assertThat(dataDir.resolve("kafka/meta.properties")).exists();
        assertThat(dataDir.resolve("postgres/postgresql.conf")).exists();
    }

    @Test
    void withADeliveryPortDeliveryRunsAsItsOwnServiceAndTheDemoAlertsReachItsInbox(@TempDir Path dataDir)
            throws Exception {
        // given the launcher asked to run notification-service's delivery module as a service of its own
        int[] port = Ports.free(10);
        LocalPlatformOptions options = LocalPlatformOptions.parse(
                "--kafka-port=" + port[0], "--kafka-controller-port=" + port[1],
                "--registry-port=" + port[2], "--ingest-port=" + port[3],
                "--notification-port=" + port[4], "--postgres-port=" + port[5],
                "--smtp-port=" + port[6], "--delivery-port=" + port[7],
                "--imap-port=" + port[8], "--mail-page-port=" + port[9],
                "--data-dir=" + dataDir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String operations = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (uk.safeguarding.notification.demo.DemoSignIns.OPERATIONS_EMAIL + ":"
                        + uk.safeguarding.notification.demo.DemoSignIns.PASSWORD).getBytes(StandardCharsets.UTF_8));

        try (LocalPlatform platform = LocalPlatform.start(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            // when the demo runs
            Demo.Result result = new Demo(platform, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

            // then routing routed every sample, and delivery, on its own port, holds the alerts for the inboxes
            assertThat(result.incidentsWithoutOutput()).isEmpty();
            assertThat(result.alerts()).isPositive();
            assertThat(platform.inboxUrl()).isEqualTo("http://localhost:" + port[7] + "/inbox");
            assertThat(get(platform.inboxUrl() + "/sign-in")).isEqualTo(200);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(platform)
                    == result.alerts());
            // and each service serves only its own module: delivery has no directory, routing no alerts API
            String directoryAdmin = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (uk.safeguarding.notification.demo.DemoSignIns.list().stream()
                            .filter(s -> s.role() == uk.safeguarding.notification.shared.security.PersonRole.DIRECTORY_ADMIN)
                            .findFirst().orElseThrow().email() + ":" + uk.safeguarding.notification.demo.DemoSignIns.PASSWORD)
                            .getBytes(StandardCharsets.UTF_8));
            String organisation = "/api/v1/directory/organisations/ORG-SCH-03";
            assertThat(get(platform.notificationUrl() + organisation, directoryAdmin)).isEqualTo(200);
            assertThat(get(platform.deliveryUrl() + organisation, directoryAdmin)).isEqualTo(404);
            assertThat(get(platform.notificationUrl() + "/api/v1/breaches", operations)).isEqualTo(404);
            assertThat(get(platform.deliveryUrl() + "/api/v1/breaches", operations)).isEqualTo(200);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains(platform.inboxUrl() + "/sign-in");
        }
        options.ports().forEach(use -> assertThat(Ports.isFree(use.port())).as(use.what()).isTrue());
    }

    private static String directoryAdmin() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((uk.safeguarding.notification.demo.DemoSignIns
                .list().stream().filter(s -> s.role() == uk.safeguarding.notification.shared.security.PersonRole
                        .DIRECTORY_ADMIN).findFirst().orElseThrow().email() + ":"
                + uk.safeguarding.notification.demo.DemoSignIns.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Deliveries recorded by the delivery service (its own table), read from the database. */
    private static int deliveries(LocalPlatform platform) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(platform.jdbcUrl(LocalPlatform.DB_NOTIFICATION),
                LocalPostgres.USER, LocalPostgres.PASSWORD);
             var rs = c.createStatement().executeQuery("select count(*) from delivered_alert")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(String url, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
