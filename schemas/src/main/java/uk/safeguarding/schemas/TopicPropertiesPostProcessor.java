package uk.safeguarding.schemas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts {@link Topics#asProperties()} into every Spring application that has this module on its classpath, last in
 * precedence, so YAML bindings say {@code destination: ${topics.incidents}} and an operator can still override a name.
 */
public class TopicPropertiesPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("platformTopics", Topics.asProperties()));
    }
}
