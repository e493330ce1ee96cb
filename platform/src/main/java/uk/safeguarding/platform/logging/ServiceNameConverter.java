package uk.safeguarding.platform.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.Map;

/**
 * Logback conversion word for the service a log line comes from, where several services share a JVM (the local
 * run's {@code logback.xml}: {@code <conversionRule conversionWord="service" class="...ServiceNameConverter"/>}):
 * a service's own packages name it; otherwise the thread's service ({@link ServiceName}); otherwise {@code -}
 * (the launcher, the broker). Boot's default pattern cannot do this: it reads {@code spring.application.name} once,
 * when the first service configures logging, and so tags every line with the first service's name.
 */
public final class ServiceNameConverter extends ClassicConverter {

    private static final Map<String, String> PACKAGES = Map.of(
            "uk.safeguarding.registry.", "schema-registry",
            "uk.safeguarding.ingest.", "incident-ingest",
            "uk.safeguarding.notification.", "notification-service");

    @Override
    public String convert(ILoggingEvent event) {
        return of(event.getLoggerName(), ServiceName.current());
    }

    static String of(String loggerName, String threadService) {
        if (loggerName != null) {
            for (Map.Entry<String, String> e : PACKAGES.entrySet()) {
                if (loggerName.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return threadService != null ? threadService : "-";
    }
}
