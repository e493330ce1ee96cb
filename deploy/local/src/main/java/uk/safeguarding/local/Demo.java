package uk.safeguarding.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.demo.DemoDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.demo.DemoSignIns;
import uk.safeguarding.schemas.Topics;


import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --demo}: submits a handful of incidents over HTTPS to incident-ingest, naming children of the demo
 * directory notification-service seeds ({@code notification.demo-directory=true}), and prints every alert routed for
 * them and every child left unresolved, as it arrives on the topics.
 */
public final class Demo {

    /** The force the demo reports as (invented). */
    static final String FORCE = "EXP";
    private static final Duration WAIT_FOR_ALERTS = Duration.ofSeconds(60);
    private static final Duration QUIET_AFTER_LAST = Duration.ofSeconds(3);
    private static final Duration WAIT_FOR_ROUTING = Duration.ofSeconds(30);

    private final LocalPlatform platform;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    public Demo(LocalPlatform platform, PrintStream out) {
        this.platform = platform;
        this.out = out;
    }

    /** A sample incident: what it shows, and the JSON to submit. */
    record Sample(String label, Map<String, Object> incident) {
    }

    /** Runs the demo; returns what was printed, counted. */
    public Result run() throws Exception {
        Instant now = platform.clock().instant();
        List<Sample> samples = samples(directoryAsHeld(LocalDate.ofInstant(now, Deadlines.ZONE)), now);
        // the demo is a police system like any other: it gets a token from the local issuer first
        token = LocalPoliceSystems.token(platform.ingestUrl(), LocalPoliceSystems.POLICE);
        try (KafkaConsumer<String, Object> consumer = outputConsumer()) {
            out.println("Demo: submitting " + samples.size() + " incidents to " + platform.ingestUrl()
                    + "/api/v1/incidents");
            Map<String, String> incidents = new LinkedHashMap<>(); // incidentId -> label
            List<ConsumerRecord<String, Object>> arrived = new ArrayList<>();
            for (Sample sample : samples) {
                JsonNode receipt = submit(sample.incident());
                String incidentId = receipt.path("incidentId").asText();
                incidents.put(incidentId, sample.label());
                out.printf("  %-44s %s %s rev %s -> %s%n", sample.label(), FORCE,
                        sample.incident().get("policeReference"), sample.incident().get("revision"),
                        receipt.path("status").asText());
                // one at a time, as incidents arrive on a real day: each is routed (its first output is out) before
                // the next is sent, so the demo's family incidents are read in the order they happened (with three
                // routing threads, two sent a moment apart may be routed in either order)
                awaitFirstOutput(consumer, incidentId, ((Number) sample.incident().get("revision")).intValue(), arrived);
            }
            out.println();
            out.println("Alerts, as notification-service routes them:");
            out.println();
            return printOutputs(consumer, incidents, arrived);
        }
    }

    public record Result(int alerts, int unresolved, Set<String> incidentsWithoutOutput) {
    }

    /**
     * Reads outputs into {@code arrived} until one for this incident revision is among them (at most
     * WAIT_FOR_ROUTING: an incident that routes to nobody still lets the demo go on).
     */
    private static void awaitFirstOutput(KafkaConsumer<String, Object> consumer, String incidentId, int revision,
                                         List<ConsumerRecord<String, Object>> arrived) {
        long deadline = System.nanoTime() + WAIT_FOR_ROUTING.toNanos();
        while (System.nanoTime() < deadline) {
            boolean seen = false;
            for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(250))) {
                arrived.add(r);
                seen |= incidentId.equals(incidentId(r.value())) && revision(r.value()) == revision;
            }
            if (seen) {
                return;
            }
        }
    }

    private Result printOutputs(KafkaConsumer<String, Object> consumer, Map<String, String> incidents,
                                List<ConsumerRecord<String, Object>> arrived) {
        AlertPrinter printer = new AlertPrinter(out, LocalDate.ofInstant(platform.clock().instant(), Deadlines.ZONE));
        List<String> order = new ArrayList<>(incidents.keySet());
        Set<String> waiting = new LinkedHashSet<>(incidents.keySet());
        int alerts = 0, unresolved = 0;
        String lastIncident = null;
        long deadline = System.nanoTime() + WAIT_FOR_ALERTS.toNanos();
        long lastSeen = 0;
        while (System.nanoTime() < deadline) {
            // what arrived in one poll, in the order the incidents were submitted, each incident's alerts together
            List<ConsumerRecord<String, Object>> batch = new ArrayList<>();
            List<ConsumerRecord<String, Object>> polled = new ArrayList<>(arrived); // read while submitting, first
            arrived.clear();
            consumer.poll(Duration.ofMillis(250)).forEach(polled::add);
            polled.forEach(r -> {
                if (incidents.containsKey(incidentId(r.value()))) {
                    batch.add(r);
                }
            });
            batch.sort(Comparator.comparingInt((ConsumerRecord<String, Object> r) -> order.indexOf(incidentId(r.value())))
                    .thenComparing(r -> r.value() instanceof AgencyAlert a ? a.getChild().getChildId() : "~")
                    .thenComparingInt(r -> r.value() instanceof AgencyAlert a ? a.getRecipient().getKind().ordinal() : 99));
            for (ConsumerRecord<String, Object> r : batch) {
                String incidentId = incidentId(r.value());
                if (!incidentId.equals(lastIncident)) {
                    out.println("== " + incidents.get(incidentId) + " ==");
                    out.println();
                    lastIncident = incidentId;
                }
                if (r.value() instanceof AgencyAlert a) {
                    printer.alert(r.topic(), a);
                    alerts++;
                } else if (r.value() instanceof ChildUnresolved u) {
                    printer.unresolved(r.topic(), u);
                    unresolved++;
                }
                waiting.remove(incidentId);
                lastSeen = System.nanoTime();
            }
            if (waiting.isEmpty() && System.nanoTime() - lastSeen > QUIET_AFTER_LAST.toNanos()) {
                break;
            }
        }
        out.printf("Demo done: %d alerts routed; %d %s not routed, on the local authority's working list"
                        + " (GET %s/api/v1/unresolved, signed in as %s).%n", alerts, unresolved,
                unresolved == 1 ? "child" : "children", platform.notificationUrl(),
                uk.safeguarding.notification.demo.DemoSignIns.list().stream()
                        .filter(s -> s.role() == uk.safeguarding.notification.shared.security.PersonRole.UNRESOLVED_CASEWORKER)
                        .map(uk.safeguarding.notification.demo.DemoSignIns.SignIn::email).findFirst().orElse("?"));
        printEmails();
        if (!waiting.isEmpty()) {
            out.println("No output yet for: " + waiting.stream().map(incidents::get).toList()
                    + " (is notification-service consuming " + Topics.INCIDENTS.name() + "?)");
        }
        out.println();
        return new Result(alerts, unresolved, waiting);
    }

    /** The email notices the local mail server received: they say a notification is waiting, and nothing more. */
    private void printEmails() {
        LocalMailServer mail = platform.mail();
        if (mail == null) {
            return;
        }
        // notices go out a moment after the alerts: take them once no more arrive for a second
        List<LocalMailServer.Email> emails = mail.receivedOnceQuiet(Duration.ofSeconds(1), Duration.ofSeconds(15));
        out.printf("Email notices received by the local mail server: %d%n", emails.size());
        emails.stream().limit(3).forEach(e -> {
            out.println("EMAIL  to " + String.join(", ", e.to()));
            out.println("    subject  " + e.subject());
            e.body().lines().forEach(l -> out.println("    | " + l));
            out.println();
        });
        if (emails.size() > 3) {
            out.println("    ... and " + (emails.size() - 3) + " more like them.");
        }
        out.println("Every email the local mail server received: " + platform.mailPageUrl() + " (or over IMAP on"
                + " localhost:" + platform.options().imapPort() + ")");
        out.println("Sign in to read them: " + platform.inboxUrl() + "/sign-in (password "
                + uk.safeguarding.notification.demo.DemoSignIns.PASSWORD + ")");
        out.println();
    }

    private static int revision(Object value) {
        if (value instanceof AgencyAlert a) {
            return a.getIncidentRevision();
        }
        if (value instanceof ChildUnresolved u) {
            return u.getIncidentRevision();
        }
        return -1;
    }

    private static String incidentId(Object value) {
        if (value instanceof AgencyAlert a) {
            return a.getIncidentId();
        }
        if (value instanceof ChildUnresolved u) {
            return u.getIncidentId();
        }
        return "";
    }

    /**
     * The demo directory as the notification-service holds it. Data kept in .local-data may have been seeded in an
     * earlier school year: the same households, everyone born a whole number of years earlier than this year's.
     */
    private DemoDirectory directoryAsHeld(LocalDate today) throws Exception {
        DemoDirectory thisYear = DemoDirectory.standard(today);
        DirectoryDocument.Child first = thisYear.schoolChildrenHousehold().children().get(0);
        String admin = DemoSignIns.list().stream().filter(s -> s.role() == PersonRole.DIRECTORY_ADMIN).findFirst()
                .orElseThrow().email();
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.notificationUrl() + "/api/v1/directory/children/"
                        + first.id()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (admin + ":" + DemoSignIns.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("notification-service answered " + response.statusCode()
                    + " for the demo directory's first child; is the directory the demo's?");
        }
        LocalDate held = LocalDate.parse(json.readTree(response.body()).path("dateOfBirth").asText());
        int years = held.getYear() - first.dateOfBirth().getYear();
        return years == 0 ? thisYear : DemoDirectory.standard(today.plusYears(years));
    }

    private JsonNode submit(Map<String, Object> incident) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.ingestUrl() + "/api/v1/incidents"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(incident)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("incident-ingest answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** Reads the alert topics and the unresolved topic from their current end: only what the demo causes. */
    private KafkaConsumer<String, Object> outputConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "local-platform-demo");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Deserializer<Object> values = (Deserializer) Topics.UNRESOLVED.valueDeserializer(
                Map.of("schema.registry.url", platform.registryUrl()));
        KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, Topics.UNRESOLVED.keyDeserializer(), values);
        List<TopicPartition> partitions = new ArrayList<>();
        List<Topics.Topic<?>> topics = new ArrayList<>(Topics.alertTopics().values());
        topics.add(Topics.UNRESOLVED);
        for (Topics.Topic<?> topic : topics) {
            consumer.partitionsFor(topic.name(), Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // seekToEnd is lazy: fix the positions before submitting
        return consumer;
    }

    // ---- the sample incidents

    static List<Sample> samples(DemoDirectory directory, Instant now) {
        // a new police reference on every run: the platform would (rightly) not route a revision twice
        String run = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
        Instant occurred = now.minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        DemoDirectory.Household pupils = directory.schoolChildrenHousehold();
        DemoDirectory.Household toddler = directory.toddlerHousehold();
        DemoDirectory.Household supervised = directory.supervisedAdultHousehold();
        List<Sample> samples = new ArrayList<>();

        DirectoryDocument.Child pupil = pupils.children().get(0);
        samples.add(new Sample("a school-age child", incident(run + "-1", occurred, "MEDIUM",
                "Argument between parents; the child was upstairs.",
                List.of(adult("Jo", pupil.familyName(), "VICTIM", null), adult("Chris", pupil.familyName(), "SUSPECT", null)),
                List.of(child(pupil, true, "I heard shouting and hid under the bed")))));

        DirectoryDocument.Child baby = toddler.children().get(0);
        samples.add(new Sample("a toddler (under school age)", incident(run + "-2", occurred, "HIGH",
                "Neighbours called police; a toddler was present.",
                toddler.adults().stream().map(a -> adult(a, "OTHER")).toList(),
                List.of(child(baby, false, null)))));

        samples.add(new Sample("siblings (a primary and a secondary pupil)", incident(run + "-3", occurred, "STANDARD",
                "Verbal argument; both children were at home.",
                pupils.adults().stream().map(a -> adult(a, "OTHER")).toList(),
                pupils.children().stream().map(c -> child(c, c == pupil, null)).toList())));

        DirectoryDocument.Adult suspect = supervised.supervisedAdults().get(0);
        List<Map<String, Object>> adults = new ArrayList<>();
        supervised.adults().stream().filter(a -> a != suspect).forEach(a -> adults.add(adult(a, "VICTIM")));
        adults.add(adult(suspect, "SUSPECT"));
        samples.add(new Sample("a suspect supervised by probation", incident(run + "-4", occurred, "HIGH",
                "Suspect on licence; assault on partner.", adults,
                supervised.children().stream().map(c -> child(c, true, "Dad was shouting at mum")).toList())));

        // each child by age and setting
        for (DemoDirectory.Household h : List.of(directory.nurseryHousehold(), directory.collegeHousehold(),
                directory.homeEducatedHousehold())) {
            DirectoryDocument.Child c = h.children().get(0);
            String what = h == directory.nurseryHousehold() ? "a toddler at nursery"
                    : h == directory.collegeHousehold() ? "a 16-year-old at college" : "a child educated at home";
            samples.add(new Sample(what, incident(run + "-" + (samples.size() + 2), occurred, "MEDIUM",
                    "Argument overheard by neighbours.", h.adults().stream().map(a -> adult(a, "VICTIM")).toList(),
                    List.of(child(c, false, null)))));
        }

        samples.add(new Sample("a child the directory does not know", incident(run + "-5", occurred, "MEDIUM",
                "Family new to the area.",
                List.of(adult("Sam", "Newcombe", "VICTIM", null)),
                List.of(Map.of("givenName", "Robin", "familyName", "Newcombe",
                        "dateOfBirth", directory.referenceDate().minusYears(9).minusDays(230).toString(),
                        "present", true, "spokenTo", false, "welfareCheckMade", true)))));
        return samples;
    }

    private static Map<String, Object> incident(String reference, Instant occurred, String risk, String circumstances,
                                                List<Map<String, Object>> adults, List<Map<String, Object>> children) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("forceCode", FORCE);
        m.put("policeReference", "EXP-" + reference);
        m.put("revision", 1);
        m.put("occurredAt", occurred.toString());
        m.put("reportedAt", occurred.plus(40, ChronoUnit.MINUTES).toString());
        m.put("location", Map.of("addressLine", "1 Example Road", "town", "Exampleton", "postcode", "EX1 1AA"));
        m.put("riskLevel", risk);
        m.put("circumstances", circumstances);
        m.put("adults", adults);
        m.put("children", children);
        m.put("attendingOfficer", Map.of("name", "PC Example", "collarNumber", "1234",
                "email", "encompass@police.example", "phone", "01234 567890"));
        return m;
    }

    private static Map<String, Object> child(DirectoryDocument.Child c, boolean spokenTo, String voice) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("givenName", c.givenName());
        m.put("familyName", c.familyName());
        m.put("dateOfBirth", c.dateOfBirth().toString());
        m.put("identifiers", c.identifiers().stream()
                .map(id -> Map.of("scheme", id.scheme().name(), "value", id.value())).toList());
        m.put("present", true);
        m.put("spokenTo", spokenTo);
        if (voice != null) {
            m.put("voiceOfChild", voice);
            m.put("adultPresentWhenSpokenTo", false);
        }
        m.put("welfareCheckMade", true);
        return m;
    }

    private static Map<String, Object> adult(DirectoryDocument.Adult a, String role) {
        Map<String, Object> m = adult(a.givenName(), a.familyName(), role, a.dateOfBirth());
        m.put("identifiers", a.identifiers().stream()
                .map(id -> Map.of("scheme", id.scheme().name(), "value", id.value())).toList());
        return m;
    }

    private static Map<String, Object> adult(String given, String family, String role, LocalDate dateOfBirth) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("givenName", given);
        m.put("familyName", family);
        if (dateOfBirth != null) {
            m.put("dateOfBirth", dateOfBirth.toString());
        }
        m.put("role", role);
        m.put("identifiers", List.of());
        return m;
    }
}
