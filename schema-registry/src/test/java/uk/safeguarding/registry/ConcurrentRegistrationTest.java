package uk.safeguarding.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.registry.support.RegistryHttp;
import uk.safeguarding.registry.support.RegistryHttp.Answer;
import uk.safeguarding.registry.support.RunningRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.registry.support.RegistryHttp.schemaBody;

/** Many producers starting at once all register their schema; they must agree on one id and one version. */
class ConcurrentRegistrationTest {

    private static final int CALLERS = 16;
    private static RunningRegistry registry;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("concurrency");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void concurrentRegistrationsOfOneSchemaUnderManySubjectsGetOneIdAndOneVersionEach() throws Exception {
        // given
        String schema = """
                {"type":"record","name":"Raced","namespace":"uk.safeguarding.test","fields":[
                  {"name":"id","type":"string"}]}""";
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Answer>> calls = new ArrayList<>();
        try {
            // when the same schema is registered at the same moment, twice per subject, under four subjects
            for (int i = 0; i < CALLERS; i++) {
                String subject = "race-" + (i % 4) + "-value";
                calls.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return registry.http().post("/subjects/" + subject + "/versions", schemaBody(schema));
                }, pool));
            }
            go.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(calls).allSatisfy(call -> assertThat(call.join().status()).as(call.join().raw()).isEqualTo(200));
        assertThat(calls.stream().map(call -> call.join().json().path("id").asInt()).distinct()).hasSize(1);
        RegistryHttp http = registry.http();
        for (int s = 0; s < 4; s++) {
            assertThat(http.get("/subjects/race-" + s + "-value/versions").json().toString()).isEqualTo("[1]");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
