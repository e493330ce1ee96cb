package uk.safeguarding.local;

import uk.safeguarding.platform.time.PlatformClock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the local run. Every port can be changed, so the platform can run next to whatever else
 * the machine is running.
 */
public record LocalPlatformOptions(int kafkaPort, int kafkaControllerPort, int registryPort, int ingestPort,
                                   int notificationPort, int postgresPort, int smtpPort, Path dataDir, boolean demo,
                                   boolean exitAfterDemo, Duration clockOffset, int deliveryPort, int imapPort,
                                   int mailPagePort) {

    public static final String USAGE = """
            Usage: java -jar deploy/local/target/local-platform.jar [options]

              --demo                       submit sample incidents and print the alerts they produce
              --exit-after-demo            with --demo: stop the platform once the demo has printed its alerts
              --kafka-port=<port>          Kafka broker (default 9092)
              --kafka-controller-port=<p>  Kafka KRaft controller (default 9093)
              --registry-port=<port>       schema registry (default 8081)
              --ingest-port=<port>         incident-ingest (default 8080)
              --notification-port=<port>   notification-service (default 8082)
              --delivery-port=<port>       run notification-service's delivery module as its own service on this
                                           port (the inbox, the alerts API, email, webhooks), as production may;
                                           :8082 keeps routing (directory, working list, audit). Default: one
                                           notification-service doing both
              --postgres-port=<port>       PostgreSQL (default 5432)
              --smtp-port=<port>           local mail server receiving email notices (default 3025)
              --imap-port=<port>           the local mail server's mailboxes over IMAP (default 3143; log in as
                                           the address an email went to, any password)
              --mail-page-port=<port>      a page listing the email received, http://localhost:<port>/ (default 8025)
              --data-dir=<dir>             where the broker and the database keep their data (default .local-data)
              --clock-offset=<duration>    run every service as if at another time, an ISO-8601 duration such as
                                           P400D or -PT6H (a rehearsal or training run; default: the machine's
                                           clock, or -Dplatform.clock.offset)
              --help                       this text
            """;

    public static LocalPlatformOptions defaults() {
        return new LocalPlatformOptions(9092, 9093, 8081, 8080, 8082, 5432, 3025, Path.of(".local-data"), false,
                false, null, 0, 3143, 8025);
    }

    /** Parses {@code --name=value} options; throws {@link IllegalArgumentException} with a readable message. */
    public static LocalPlatformOptions parse(String... args) {
        LocalPlatformOptions o = defaults();
        int kafka = o.kafkaPort, controller = o.kafkaControllerPort, registry = o.registryPort, ingest = o.ingestPort;
        int notification = o.notificationPort, postgres = o.postgresPort, smtp = o.smtpPort, delivery = 0;
        int imap = o.imapPort, mailPage = o.mailPagePort;
        Path dataDir = o.dataDir;
        boolean demo = false, exitAfterDemo = false;
        Duration clockOffset = null;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--demo" -> demo = true;
                case "--exit-after-demo" -> exitAfterDemo = true;
                case "--kafka-port" -> kafka = port(name, value);
                case "--kafka-controller-port" -> controller = port(name, value);
                case "--registry-port" -> registry = port(name, value);
                case "--ingest-port" -> ingest = port(name, value);
                case "--notification-port" -> notification = port(name, value);
                case "--delivery-port" -> delivery = port(name, value);
                case "--postgres-port" -> postgres = port(name, value);
                case "--smtp-port" -> smtp = port(name, value);
                case "--imap-port" -> imap = port(name, value);
                case "--mail-page-port" -> mailPage = port(name, value);
                case "--data-dir" -> {
                    if (value == null || value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir needs a directory, e.g. --data-dir=.local-data");
                    }
                    dataDir = Path.of(value);
                }
                case "--clock-offset" -> clockOffset = PlatformClock.offset(value == null ? "" : value);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        LocalPlatformOptions parsed = new LocalPlatformOptions(kafka, controller, registry, ingest, notification,
                postgres, smtp, dataDir, demo, exitAfterDemo, clockOffset, delivery, imap, mailPage);
        parsed.checkDistinct();
        return parsed;
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value == null ? "" : value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a port number from 1 to 65535, e.g. " + name + "=19092");
        }
    }

    /** Each port with what listens on it and the option that changes it, in start order. */
    public List<PortUse> ports() {
        List<PortUse> ports = new ArrayList<>();
        ports.add(new PortUse(postgresPort, "PostgreSQL", "--postgres-port"));
        ports.add(new PortUse(smtpPort, "mail server (SMTP)", "--smtp-port"));
        ports.add(new PortUse(imapPort, "mail server (IMAP)", "--imap-port"));
        ports.add(new PortUse(mailPagePort, "page of the email received", "--mail-page-port"));
        ports.add(new PortUse(kafkaPort, "Kafka broker", "--kafka-port"));
        ports.add(new PortUse(kafkaControllerPort, "Kafka KRaft controller", "--kafka-controller-port"));
        ports.add(new PortUse(registryPort, "schema registry", "--registry-port"));
        ports.add(new PortUse(ingestPort, "incident-ingest", "--ingest-port"));
        ports.add(new PortUse(notificationPort, "notification-service", "--notification-port"));
        if (splitDelivery()) {
            ports.add(new PortUse(deliveryPort, "notification-service delivery", "--delivery-port"));
        }
        return ports;
    }

    private void checkDistinct() {
        Map<Integer, PortUse> seen = new LinkedHashMap<>();
        for (PortUse use : ports()) {
            PortUse earlier = seen.putIfAbsent(use.port(), use);
            if (earlier != null) {
                throw new IllegalArgumentException("Port " + use.port() + " is given to both the " + earlier.what()
                        + " (" + earlier.option() + ") and the " + use.what() + " (" + use.option() + ")");
            }
        }
    }

    public LocalPlatformOptions withDemo(boolean demo, boolean exitAfterDemo) {
        return new LocalPlatformOptions(kafkaPort, kafkaControllerPort, registryPort, ingestPort, notificationPort,
                postgresPort, smtpPort, dataDir, demo, exitAfterDemo, clockOffset, deliveryPort, imapPort, mailPagePort);
    }

    /** Whether delivery runs as a service of its own (--delivery-port). */
    public boolean splitDelivery() {
        return deliveryPort > 0;
    }

    /** The clock every service and the demo read: moved by --clock-offset, else by this JVM's settings. */
    public Clock clock() {
        return clockOffset == null ? PlatformClock.fromSystemSettings() : PlatformClock.of(clockOffset);
    }

    public record PortUse(int port, String what, String option) {
    }
}
