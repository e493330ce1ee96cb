package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * Property: whatever a police system (or an attacker holding its token) sends, the API never fails (no 5xx), and the
 * incidents topic grows by exactly the number of incidents it accepted. Ten thousand hostile bodies, made by jqwik's
 * generators from a valid incident: fields replaced by values of any type and content (control characters, huge
 * numbers, far dates, nested structures), fields removed, keys added, bodies truncated or followed by more.
 */
class HostileSubmissionsTest extends IngestIntegrationTest {

    private static final int BODIES = 10_000;

    @Test
    void noHostileBodyCausesAServerErrorAndTheTopicGrowsByExactlyTheAccepted() {
        long before = IngestInfrastructure.incidentsEndOffset();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Http http = http();
        Iterator<String> bodies = hostileBodies().sampleStream().limit(BODIES).iterator();
        while (bodies.hasNext()) {
            String body = bodies.next();
            Http.Answer answer = http.post("/api/v1/incidents", body);
            statuses.merge(answer.status(), 1, Integer::sum);
            assertThat(answer.status()).as("%s for %s", answer, body.length() > 300 ? body.substring(0, 300) : body)
                    .isLessThan(500);
        }
        int accepted = statuses.getOrDefault(202, 0);
        System.out.println("Hostile bodies by status: " + statuses);
        assertThat(IngestInfrastructure.incidentsEndOffset() - before).isEqualTo(accepted);
        assertThat(statuses.getOrDefault(400, 0)).as("most are refused").isGreaterThan(BODIES / 2);
        assertThat(accepted).as("some survive the mutations").isPositive();
    }

    /** A valid incident with one to three mutations, or one of the shapes that are not an incident at all. */
    private static Arbitrary<String> hostileBodies() {
        Arbitrary<String> mutated = Combinators.combine(mutation(), mutation(), mutation(),
                Arbitraries.integers().between(1, 3)).as((a, b, c, n) -> {
                    ObjectNode incident = incident("WMP", uniqueReference());
                    List<Mutation> all = List.of(a, b, c);
                    for (int i = 0; i < n; i++) {
                        all.get(i).apply(incident);
                    }
                    return incident.toString();
                });
        Arbitrary<String> broken = Combinators.combine(Arbitraries.integers().between(0, 3), nastyText())
                .as((kind, text) -> {
                    String valid = incident("WMP", uniqueReference()).toString();
                    return switch (kind) {
                        case 0 -> valid.substring(0, Math.min(valid.length(), text.length()));
                        case 1 -> valid + text;
                        case 2 -> text;
                        default -> "[" + valid + "]";
                    };
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, mutated), net.jqwik.api.Tuple.of(1, broken));
    }

    @FunctionalInterface
    interface Mutation {
        void apply(ObjectNode incident);
    }

    private static final List<String> PATHS = List.of("forceCode", "policeReference", "revision", "occurredAt",
            "reportedAt", "riskLevel", "circumstances", "location", "location.postcode", "location.addressLine",
            "adults", "adults.0.givenName", "adults.0.dateOfBirth", "adults.0.role", "adults.1.identifiers.0.value",
            "children", "children.0.givenName", "children.0.familyName", "children.0.dateOfBirth",
            "children.0.identifiers", "children.0.identifiers.0.scheme", "children.0.identifiers.0.value",
            "children.0.postcode", "children.0.present", "children.0.voiceOfChild", "attendingOfficer",
            "attendingOfficer.name", "attendingOfficer.email", "consent", "revisionKind", "revisionNote", "unknown");

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<String> path = Arbitraries.of(PATHS);
        return Arbitraries.oneOf(
                Combinators.combine(path, anyValue()).as((p, v) -> incident -> set(incident, p, v)),
                path.map(p -> incident -> remove(incident, p)));
    }

    private static Arbitrary<JsonNode> anyValue() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                nastyText().map(f::textNode),
                Arbitraries.longs().map(f::numberNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(),
                        java.math.BigInteger.TEN.pow(30)).map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()),
                Arbitraries.of("0000-01-01", "9999-12-31", "+999999999-12-31", "2026-02-30", "-40000-01-01",
                        "2026-11-20T22:15:00Z", "+292278994-08-17T07:12:55.807Z", "1899-12-31T23:59:59Z",
                        "2099-01-01T00:00:00Z", "1970-01-01T00:00:00+25:00").map(f::textNode),
                nastyText().list().ofMaxSize(40).map(list -> {
                    ArrayNode array = f.arrayNode();
                    list.forEach(array::add);
                    return array;
                }),
                nastyText().map(t -> (JsonNode) f.objectNode().put("scheme", "UPN").put("value", t)));
    }

    /** Text of any characters: controls, NUL, bidi overrides, surrogates, emoji; short or very long. */
    private static Arbitrary<String> nastyText() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().alpha()),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001f')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().all()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('\u202e', '\u2028', '\ufeff', '"', '\\', '{', '}')));
        return Arbitraries.oneOf(chars.list().ofMaxSize(30), chars.list().ofMinSize(90).ofMaxSize(300),
                        chars.list().ofMinSize(3_000).ofMaxSize(5_000))
                .map(list -> {
                    StringBuilder s = new StringBuilder(list.size());
                    list.forEach(s::append);
                    return s.toString();
                });
    }

    private static void set(ObjectNode incident, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode parent = parent(incident, parts);
        String last = parts[parts.length - 1];
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a && last.matches("\\d+") && Integer.parseInt(last) < a.size()) {
            a.set(Integer.parseInt(last), value);
        }
    }

    private static void remove(ObjectNode incident, String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = parent(incident, parts);
        String last = parts[parts.length - 1];
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a && last.matches("\\d+") && Integer.parseInt(last) < a.size()) {
            a.remove(Integer.parseInt(last));
        }
    }

    private static JsonNode parent(ObjectNode incident, String[] parts) {
        JsonNode node = incident;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = parts[i].matches("\\d+") ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        return node;
    }
}
