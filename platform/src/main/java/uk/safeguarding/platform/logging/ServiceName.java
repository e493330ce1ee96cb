package uk.safeguarding.platform.logging;

/**
 * Which service a thread works for, where several services share one JVM (the local run, the end-to-end tests).
 * Set on the starting thread while a service's context starts ({@link ServiceNameRunListener}), and inherited by every
 * thread created meanwhile: its web server's, Kafka consumers', pollers'. {@link ServiceNameConverter} prints it in log
 * lines. In production each service has its JVM, and {@code spring.application.name} says the same.
 */
public final class ServiceName {

    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private ServiceName() {
    }

    /** The service the current thread works for, or null when not known. */
    public static String current() {
        return CURRENT.get();
    }

    /** Sets the current thread's service; returns the one before, to {@link #restore} it. */
    public static String enter(String service) {
        String before = CURRENT.get();
        CURRENT.set(service);
        return before;
    }

    public static void restore(String before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }
}
