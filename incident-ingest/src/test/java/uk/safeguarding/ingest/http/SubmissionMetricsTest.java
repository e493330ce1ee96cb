package uk.safeguarding.ingest.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * Submissions are counted by force and outcome, refusals by force and reason (the problem type's code), wherever the
 * refusal is answered: in the token filter, in the controller or by the contract. The force is never one the caller
 * merely claims.
 */
class SubmissionMetricsTest extends IngestIntegrationTest {

    private static final String PATH = "/api/v1/incidents";

    @Autowired
    MeterRegistry meters;

    @Test
    void acceptedAndRefusedSubmissionsAreCountedByForceAndReason() {
        double accepted = count("ingest.incidents.received", "force", "WYP", "outcome", "accepted");
        double again = count("ingest.incidents.received", "force", "WYP", "outcome", "already-accepted");
        double invalid = count("ingest.incidents.refused", "force", "NYP", "reason", "invalid-incident");
        double noToken = count("ingest.incidents.refused", "force", "unknown", "reason", "token-required");
        double notPermitted = count("ingest.incidents.refused", "force", "BTP", "reason", "force-not-permitted");

        // when a force's incident is accepted, then sent again
        ObjectNode submission = incident("WYP", uniqueReference());
        assertThat(http().post(PATH, submission).status()).isEqualTo(202);
        assertThat(http().post(PATH, submission).status()).isEqualTo(200);
        // and an invalid one arrives for another force
        ObjectNode broken = incident("NYP", uniqueReference());
        broken.remove("policeReference");
        assertThat(http().post(PATH, broken).status()).isEqualTo(400);
        // and one without a token
        assertThat(anonymous().post(PATH, incident("WYP", uniqueReference())).status()).isEqualTo(401);
        // and a system of force BTP submits for a force it may not act for
        String btpOnly = TestIssuer.get().tokenFor("btp-system", "BTP");
        assertThat(anonymous().withToken(btpOnly).post(PATH, incident("WMP", uniqueReference())).status()).isEqualTo(403);

        // then each is counted where it belongs
        assertThat(count("ingest.incidents.received", "force", "WYP", "outcome", "accepted") - accepted).isEqualTo(1);
        assertThat(count("ingest.incidents.received", "force", "WYP", "outcome", "already-accepted") - again).isEqualTo(1);
        assertThat(count("ingest.incidents.refused", "force", "NYP", "reason", "invalid-incident") - invalid).isEqualTo(1);
        assertThat(count("ingest.incidents.refused", "force", "unknown", "reason", "token-required") - noToken).isEqualTo(1);
        // (the system's own force: the incident's claim of WMP is not counted as WMP's)
        assertThat(count("ingest.incidents.refused", "force", "BTP", "reason", "force-not-permitted") - notPermitted)
                .isEqualTo(1);
        assertThat(meters.find("ingest.incidents.refused").tag("force", "WMP").tag("reason", "force-not-permitted")
                .counter()).isNull();
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
