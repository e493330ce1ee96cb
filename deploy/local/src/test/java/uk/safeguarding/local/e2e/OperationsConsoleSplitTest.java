package uk.safeguarding.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.schemas.Topics;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations console when notification-service runs split (a {@code routing} process and a {@code delivery}
 * process): each shows the sections of the module it runs, says which module's sections are on the other process, and
 * both show the whole platform's Kafka.
 */
@ExtendWith(RunningServices.class)
class OperationsConsoleSplitTest {

    private final Services services = RunningServices.services();

    @Test
    void eachProcessShowsTheSectionsOfItsOwnModuleAndBothShowKafka() {
        // given an operations person
        Http operations = services.as(PersonRole.OPERATIONS);

        // when they read each process's console
        Http.Response routing = operations.get(services.notificationUrl() + "/api/v1/operations/console");
        Http.Response delivery = operations.get(services.deliveryUrl() + "/api/v1/operations/console");

        // then routing shows the working list and points to delivery for the rest; delivery the other way round
        assertThat(routing.status()).isEqualTo(200);
        assertThat(texts(routing.body().get("modules"))).containsExactly("routing");
        assertThat(texts(routing.body().get("modulesElsewhere"))).containsExactly("delivery");
        assertThat(ids(routing.body())).containsExactly("without-people", "unresolved");
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(texts(delivery.body().get("modules"))).containsExactly("delivery");
        assertThat(texts(delivery.body().get("modulesElsewhere"))).containsExactly("routing");
        assertThat(ids(delivery.body())).containsExactly("deadlines", "deliveries");
        // and both read the same cluster's topics
        for (Http.Response console : List.of(routing, delivery)) {
            List<String> topics = new ArrayList<>();
            console.body().get("kafka").get("topics").forEach(t -> topics.add(t.get("topic").asText()));
            assertThat(topics).contains(Topics.INCIDENTS.name());
        }
    }

    private static List<String> ids(JsonNode console) {
        List<String> ids = new ArrayList<>();
        console.get("sections").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
