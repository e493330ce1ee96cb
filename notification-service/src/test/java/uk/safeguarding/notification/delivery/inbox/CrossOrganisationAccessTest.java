package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.delivery.dispatch.DeliveryLog;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.demo.DemoDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof the access issue asks for: for every seeded organisation (every organisation of the demo directory, and
 * two test schools whose alerts were routed from a police incident), a person of that organisation tries to read every
 * other organisation's alert by id through the API, by URL in the inbox (page and action form), and through the lists,
 * and gets nothing: 404 or an empty answer, never content, never the other organisation's child's name.
 */
class CrossOrganisationAccessTest extends InboxTestSupport {

    /** One organisation of the proof: who signs in there and the alert addressed to it. */
    record Party(String organisationId, String email, String password, UUID alertId, String childName) {
        /** The child's invented family name, unique to this test run (the JSON holds given and family names apart). */
        String familyName() {
            return childName.substring(childName.lastIndexOf(' ') + 1);
        }
    }

    private final HttpClient api = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void noOrganisationCanReadAnotherOrganisationsAlertsByIdUrlOrList() {
        // given every organisation of the demo directory, each with a person and an alert addressed to it
        List<Party> parties = new ArrayList<>();
        for (DirectoryDocument.Organisation org : DemoDirectory.organisations()) {
            parties.add(givenAnAlertFor(org));
        }
        // and two test schools whose alerts were routed from a police incident on the incidents topic
        Scenario routed = givenAnIncidentAlertingTwoSchools();
        parties.add(new Party(routed.mine().organisationId(), routed.mine().email(), PASSWORD, routed.mine().alertId(),
                routed.mine().childName()));
        parties.add(new Party(routed.other().organisationId(), routed.other().email(), PASSWORD,
                routed.other().alertId(), routed.other().childName()));
        assertThat(parties).hasSizeGreaterThanOrEqualTo(15);

        int attempts = 0;
        for (Party me : parties) {
            String basic = "Basic " + Base64.getEncoder().encodeToString(
                    (me.email() + ":" + me.password()).getBytes(StandardCharsets.UTF_8));
            InboxHttp inbox = new InboxHttp(baseUrl());
            assertThat(inbox.signIn(me.email(), me.password()).statusCode()).as(me.organisationId()).isEqualTo(302);

            // the lists show my own alert (so they would show others' if they leaked) and no other's
            HttpResponse<String> apiList = apiGet("/api/v1/alerts?size=200", basic);
            HttpResponse<String> inboxList = inbox.get("/inbox");
            assertThat(apiList.statusCode()).isEqualTo(200);
            assertThat(apiList.body()).contains(me.alertId().toString(), me.childName());
            assertThat(inboxList.statusCode()).isEqualTo(200);
            assertThat(inboxList.body()).contains(me.childName());
            // my own alert opens, through both
            assertThat(apiGet("/api/v1/alerts/" + me.alertId(), basic).body()).contains(me.familyName());
            String csrf = InboxHttp.csrfToken(inboxList.body());

            for (Party other : parties) {
                if (other == me) {
                    continue;
                }
                String as = me.organisationId() + " reading " + other.organisationId();
                assertThat(apiList.body()).as(as).doesNotContain(other.familyName(), other.alertId().toString());
                assertThat(inboxList.body()).as(as).doesNotContain(other.familyName(), other.alertId().toString());

                List<HttpResponse<String>> tries = List.of(
                        apiGet("/api/v1/alerts/" + other.alertId(), basic),
                        apiPost("/api/v1/alerts/" + other.alertId() + "/response", basic),
                        inbox.get("/inbox/alerts/" + other.alertId()),
                        inbox.postForm("/inbox/alerts/" + other.alertId() + "/action",
                                Map.of("action", "NO_ACTION", "note", "forged", "_csrf", csrf)));
                for (HttpResponse<String> r : tries) {
                    attempts++;
                    assertThat(r.statusCode()).as(as + ": " + r.request().method() + " " + r.uri().getPath())
                            .isIn(404, 405);
                    // (a 404 may echo the path asked for; it must never hold anything of the alert itself)
                    assertThat(r.body()).as(as).doesNotContain(other.familyName(), "I hid upstairs", "XORG-");
                }
            }
        }

        // then nothing was opened or actioned by looking, and every attempt was made
        assertThat(attempts).isEqualTo(parties.size() * (parties.size() - 1) * 4);
        for (Party p : parties) {
            Map<String, Object> row = deliveryRow(p.alertId());
            assertThat(row.get("action")).as(p.organisationId()).isNull();
            assertThat(jdbc.queryForObject("select count(*) from delivery_event where alert_id = ? and state = 'OPENED'"
                    + " and actor_id not in (select id from person where organisation_id = ?)", Integer.class,
                    p.alertId(), p.organisationId())).as(p.organisationId()).isZero();
        }
    }

    /**
     * An alert to this organisation as the ledger and delivery hold it (written directly: every kind of demo
     * organisation needs one, whatever the routing rules would send it), naming a child invented for it, and a person
     * of the organisation who can sign in.
     */
    private Party givenAnAlertFor(DirectoryDocument.Organisation org) {
        String token = unique();
        UUID alertId = UUID.randomUUID();
        String incidentId = "T-INC-" + token;
        String given = "Quenby";
        String family = familyName("Lisswater");
        Instant now = clock.instant();
        AgencyKind kind = org.kind().agencyKind();
        uk.safeguarding.avro.AgencyAlert alert = uk.safeguarding.avro.AgencyAlert.newBuilder()
                .setAlertId(alertId.toString()).setIncidentId(incidentId).setIncidentRevision(1).setForceCode("TST")
                .setPoliceReference("XORG-" + token)
                .setRecipient(uk.safeguarding.avro.Recipient.newBuilder().setOrganisationId(org.id())
                        .setOrganisationName(org.name()).setKind(kind).build())
                .setChild(uk.safeguarding.avro.AlertChild.newBuilder().setChildId("T-CH-" + token).setGivenName(given)
                        .setFamilyName(family).setDateOfBirth(TestClock.bornYearsAgo(10, 5, 4)).build())
                .setDisclosed(uk.safeguarding.avro.Disclosure.newBuilder().setChildPresent(true)
                        .setVoiceOfChild("I hid upstairs").setCircumstances("Invented").build())
                .setRoutingReason(uk.safeguarding.avro.RoutingReason.UNKNOWN).setRoutedAt(now)
                .setHouseholdChildren(new java.util.ArrayList<>())
                .build();
        jdbc.update("insert into alert_ledger (alert_id, incident_id, revision, child_id, recipient_org_id,"
                        + " recipient_kind, topic, routing_reason, routed_at, source_topic, source_partition,"
                        + " source_offset, payload) values (?, ?, 1, ?, ?, ?, 'test', 'TEST', ?, 'test', 0, 0, ?)",
                alertId, incidentId, "T-CH-" + token, org.id(), kind.name(), java.sql.Timestamp.from(now),
                uk.safeguarding.notification.shared.kafka.AvroRecords.toBinary(alert));
        deliveryLog.recordSent(List.of(uk.safeguarding.avro.AgencyAlert.newBuilder(alert)
                .setDueBy(now.plus(Duration.ofHours(16))).build()), now);
        String email = apiAccount(org.id(), PersonRole.KEY_ADULT);
        return new Party(org.id(), email, API_PASSWORD, alertId, given + " " + family);
    }

    private HttpResponse<String> apiGet(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), authorization);
    }

    private HttpResponse<String> apiPost(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"childrenConsidered\":false,\"actions\":\"forged\"}")),
                authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) {
        try {
            return api.send(request.header("Authorization", authorization).header("Accept", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
