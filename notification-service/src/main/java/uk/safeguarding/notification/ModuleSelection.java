package uk.safeguarding.notification;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which application modules this process runs: {@code notification.modules}, {@code routing,delivery} by default (one
 * process does everything, as the local run does). {@code routing} alone or {@code delivery} alone (the Spring profiles
 * of the same names set it, with the consumers that module runs) leaves the other module's classes out of the
 * context altogether: they are never scanned, so none of their consumers, pollers or pages exist in this process.
 * The shared plumbing is always there. Registered for every application context in {@code META-INF/spring.factories},
 * before component scanning, which asks Spring Boot's {@link TypeExcludeFilter} beans what to leave out.
 */
public class ModuleSelection implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "notification.modules";
    public static final String ROUTING = "routing";
    public static final String DELIVERY = "delivery";

    private static final String ROOT = "uk.safeguarding.notification.";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Set<String> modules = modules(context.getEnvironment());
        if (modules.containsAll(Set.of(ROUTING, DELIVERY))) {
            return;
        }
        context.getBeanFactory().registerSingleton(ModuleSelection.class.getName() + ".filter", new Filter(modules));
    }

    /** The modules named by {@code notification.modules}; an unknown name stops the service at start. */
    public static Set<String> modules(Environment environment) {
        Set<String> modules = Arrays.stream(environment.getProperty(PROPERTY, ROUTING + "," + DELIVERY).split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (modules.isEmpty() || !Set.of(ROUTING, DELIVERY).containsAll(modules)) {
            throw new IllegalStateException(PROPERTY + " must name routing, delivery or both, not " + modules);
        }
        return modules;
    }

    private static final class Filter extends TypeExcludeFilter {

        private final Set<String> modules;

        Filter(Set<String> modules) {
            this.modules = modules;
        }

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            String name = reader.getClassMetadata().getClassName();
            if (name.startsWith(ROOT + "routing.") || name.startsWith(ROOT + "demo.")) {
                return !modules.contains(ROUTING); // the demo seeds the directory: routing's
            }
            if (name.startsWith(ROOT + "delivery.")) {
                return !modules.contains(DELIVERY);
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Filter f && f.modules.equals(modules);
        }

        @Override
        public int hashCode() {
            return modules.hashCode();
        }
    }
}
