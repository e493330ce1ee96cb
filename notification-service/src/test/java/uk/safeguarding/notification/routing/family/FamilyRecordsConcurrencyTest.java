package uk.safeguarding.notification.routing.family;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.routing.family.FamilyRecords.Family;
import uk.safeguarding.notification.routing.family.FamilyRecords.Involvement;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Routing threads record and read families in turn: a batch routing at the same moment as another that names the same
 * child waits for it to commit, then sees its incident in the family's history.
 */
class FamilyRecordsConcurrencyTest extends IntegrationTestSupport {

    @Autowired
    FamilyRecords records;

    @Autowired
    PlatformTransactionManager transactionManager;

    private static Involvement involvement(String incidentId, Instant occurredAt, String childId) {
        return new Involvement(incidentId, 1, occurredAt, RiskLevel.MEDIUM, "TST", Set.of(Person.child(childId)));
    }

    @Test
    void aBatchRoutingAtTheSameMomentWaitsForTheOtherAndSeesItsIncident() throws Exception {
        // given a routing transaction that has recorded a child's incident and not yet committed
        String child = "T-CH-" + unique();
        Instant now = TestClock.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        Involvement first = involvement("T-INC-" + unique(), now.minus(Duration.ofDays(3)), child);
        Involvement second = involvement("T-INC-" + unique(), now, child);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Void> firstBatch = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            records.record(List.of(first));
            firstRecorded.countDown();
            try {
                assertThat(commitFirst.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(firstRecorded.await(30, TimeUnit.SECONDS)).isTrue();

        // when another batch routes an incident of the same child
        CompletableFuture<List<Family>> secondBatch = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            records.record(List.of(second));
            return records.familiesOf(List.of(second), List.of(now.minus(Duration.ofDays(365))));
        }));

        // then it waits for the first (its lock request is seen waiting in the database) ...
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from pg_locks"
                + " where locktype = 'advisory' and objid::bigint = ? and not granted", Integer.class,
                FamilyRecords.FAMILY_LOCK) > 0);
        assertThat(secondBatch).isNotDone();

        // ... and once the first commits, the family it reads has both incidents
        commitFirst.countDown();
        firstBatch.get(30, TimeUnit.SECONDS);
        List<Family> families = secondBatch.get(30, TimeUnit.SECONDS);
        assertThat(families).singleElement().satisfies(f -> assertThat(f.incidents())
                .extracting(FamilyIncident::incidentId)
                .contains(first.incidentId()));
    }

    @Test
    void familiesAreNeverRecordedOutsideATransaction() {
        // a lock held for one statement would protect nothing
        assertThatThrownBy(() -> records.record(List.of(involvement("T-INC-" + unique(), TestClock.clock().instant(),
                "T-CH-" + unique())))).isInstanceOf(IllegalStateException.class);
    }
}
