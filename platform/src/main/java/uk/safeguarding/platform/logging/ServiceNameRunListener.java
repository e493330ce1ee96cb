package uk.safeguarding.platform.logging;

import org.springframework.boot.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import java.time.Duration;

/**
 * Marks the thread starting a service with the service's {@code spring.application.name} from the moment its
 * configuration is read until it is ready (or has failed), so every thread the service creates on the way carries
 * the name ({@link ServiceName}). Restores what the thread had before: the next service started on the same thread
 * gets its own name.
 */
public final class ServiceNameRunListener implements SpringApplicationRunListener {

    private String before;
    private boolean entered;

    public ServiceNameRunListener(SpringApplication application, String[] args) {
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        String name = environment.getProperty("spring.application.name");
        if (name != null && !name.isBlank()) {
            before = ServiceName.enter(name);
            entered = true;
        }
    }

    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        leave();
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        leave();
    }

    private void leave() {
        if (entered) {
            ServiceName.restore(before);
            entered = false;
        }
    }
}
