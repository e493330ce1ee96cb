package uk.safeguarding.local.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts incident-ingest and notification-service once for the whole test run (through their {@code builder()}, on
 * random ports, on the shared {@code EmbeddedInfrastructure}) and stops them when the run ends, before the broker
 * and the database stop.
 */
public final class RunningServices implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningServices.class);
    private static volatile Services services;

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root store closes its resources when the whole run ends
        services = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Services.class, k -> Services.start(), Services.class);
    }

    public static Services services() {
        if (services == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(RunningServices.class)");
        }
        return services;
    }
}
