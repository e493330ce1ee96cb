package uk.safeguarding.notification.shared.kafka;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import uk.safeguarding.notification.NotificationServiceApplication;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.schemas.Topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Spring Cloud Stream bindings of the agency alert topics, derived from {@link Topics}: an output binding per
 * agency kind (routing publishes each alert to its kind's topic) and the destinations of the delivery input (every
 * alert topic), so a new kind of agency needs its topic declared once, not a binding block per place. Lowest
 * precedence: the YAML or the command line can still override any of them. Only for notification-service's
 * configuration (other services may share the JVM: the local run).
 */
public class AlertBindings implements EnvironmentPostProcessor, Ordered {

    /** Delivery's consumer function, reading every alert topic. */
    public static final String DELIVERY_FUNCTION = "deliverAlerts";
    static final String DELIVERY_INPUT = DELIVERY_FUNCTION + "-in-0";

    /**
     * The output binding of an agency kind's alert topic, derived from the kind (SCHOOL_NURSE: alertsSchoolNurse),
     * for every kind {@link Topics} declares a topic for.
     */
    public static String output(AgencyKind kind) {
        Topics.alerts(kind); // a kind without a topic has no binding either
        StringBuilder name = new StringBuilder("alerts");
        for (String word : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!NotificationServiceApplication.CONFIG_NAME.equals(environment.getProperty("spring.config.name"))) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        Topics.alertTopics().forEach((kind, topic) -> {
            String binding = output(kind);
            outputs.add(binding);
            destinations.add(topic.name());
            properties.put("spring.cloud.stream.bindings." + binding + ".destination", topic.name());
        });
        properties.put("notification.alert-bindings", String.join(";", outputs));
        properties.put("spring.cloud.stream.bindings." + DELIVERY_INPUT + ".destination", String.join(",", destinations));
        environment.getPropertySources().addLast(new MapPropertySource("notificationAlertBindings", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
