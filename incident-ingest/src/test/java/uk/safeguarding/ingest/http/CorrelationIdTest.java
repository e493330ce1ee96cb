package uk.safeguarding.ingest.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.submission.SubmissionService;
import uk.safeguarding.ingest.support.Http;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/** A correlation id on every answer: the caller's when it is safe, else a new one; and on the request's log lines. */
class CorrelationIdTest extends IngestIntegrationTest {

    private static final String PATH = "/api/v1/incidents";

    @Test
    void callersCorrelationIdIsAnsweredBackAndCarriedByTheRequestsLogLines() {
        // given
        String id = "wmp-" + UUID.randomUUID();
        Logger logger = (Logger) LoggerFactory.getLogger(SubmissionService.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            // when
            Http.Answer answer = http().withHeader("X-Correlation-Id", id).post(PATH, incident("WMP", uniqueReference()));

            // then
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            assertThat(answer.header("X-Correlation-Id")).isEqualTo(id);
            assertThat(logs.list).isNotEmpty()
                    .allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry("correlationId", id));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void withoutACorrelationIdOneIsMadeForEveryAnswerRefusalsIncluded() {
        // when
        Http.Answer unauthenticated = anonymous().post(PATH, incident("WMP", uniqueReference()));
        Http.Answer invalid = http().post(PATH, incident("WMP", uniqueReference()).put("riskLevel", "SEVERE"));
        Http.Answer docs = anonymous().get("/v3/api-docs");

        // then each has its own, and refusals carry it in the body too
        for (Http.Answer answer : new Http.Answer[]{unauthenticated, invalid, docs}) {
            assertThat(UUID.fromString(answer.header("X-Correlation-Id"))).isNotNull();
        }
        assertThat(unauthenticated.header("X-Correlation-Id")).isNotEqualTo(invalid.header("X-Correlation-Id"));
        assertThat(unauthenticated.json().get("correlationId").asText()).isEqualTo(unauthenticated.header("X-Correlation-Id"));
        assertThat(invalid.json().get("correlationId").asText()).isEqualTo(invalid.header("X-Correlation-Id"));
    }

    @Test
    void anUnsafeCorrelationIdIsReplacedNotEchoed() {
        for (String unsafe : new String[]{"Robin Sample", "a".repeat(65), "<script>", "id;drop"}) {
            // when
            Http.Answer answer = http().withHeader("X-Correlation-Id", unsafe).get(PATH + "/" + UUID.randomUUID());

            // then
            assertThat(answer.status()).isEqualTo(404);
            assertThat(UUID.fromString(answer.header("X-Correlation-Id"))).as(unsafe).isNotNull();
            assertThat(answer.body()).doesNotContain(unsafe);
        }
    }

    @Test
    void theLongestSafeIdIsKept() {
        String longest = "A-z_0.9:" + "x".repeat(CorrelationId.MAX_LENGTH - 8);

        Http.Answer answer = http().withHeader("X-Correlation-Id", longest).get(PATH + "/" + UUID.randomUUID());

        assertThat(answer.header("X-Correlation-Id")).isEqualTo(longest);
    }
}
