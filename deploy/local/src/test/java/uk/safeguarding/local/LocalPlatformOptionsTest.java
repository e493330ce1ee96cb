package uk.safeguarding.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPlatformOptionsTest {

    @Test
    void withoutOptionsThePlatformUsesTheConventionalPorts() {
        LocalPlatformOptions o = LocalPlatformOptions.parse();

        assertThat(o.kafkaPort()).isEqualTo(9092);
        assertThat(o.kafkaControllerPort()).isEqualTo(9093);
        assertThat(o.registryPort()).isEqualTo(8081);
        assertThat(o.ingestPort()).isEqualTo(8080);
        assertThat(o.notificationPort()).isEqualTo(8082);
        assertThat(o.postgresPort()).isEqualTo(5432);
        assertThat(o.smtpPort()).isEqualTo(3025);
        assertThat(o.imapPort()).isEqualTo(3143);
        assertThat(o.mailPagePort()).isEqualTo(8025);
        assertThat(o.dataDir()).isEqualTo(Path.of(".local-data"));
        assertThat(o.demo()).isFalse();
    }

    @Test
    void everyPortAndTheDataDirectoryCanBeOverridden() {
        LocalPlatformOptions o = LocalPlatformOptions.parse("--kafka-port=19092", "--kafka-controller-port=19093",
                "--registry-port=18081", "--ingest-port=18080", "--notification-port=18082",
                "--postgres-port=15432", "--smtp-port=13025", "--imap-port=13143", "--mail-page-port=18025",
                "--data-dir=/tmp/elsewhere", "--demo");

        assertThat(o.ports()).extracting(LocalPlatformOptions.PortUse::port)
                .containsExactly(15432, 13025, 13143, 18025, 19092, 19093, 18081, 18080, 18082);
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(o.demo()).isTrue();
    }

    @Test
    void aMistypedOptionOrPortIsRefusedWithAHint() {
        assertThatThrownBy(() -> LocalPlatformOptions.parse("--kafka-prot=1")).hasMessageContaining("--kafka-prot");
        assertThatThrownBy(() -> LocalPlatformOptions.parse("--ingest-port=http"))
                .hasMessageContaining("--ingest-port needs a port number");
        assertThatThrownBy(() -> LocalPlatformOptions.parse("--ingest-port=9092"))
                .hasMessageContaining("Port 9092 is given to both the Kafka broker (--kafka-port) and the incident-ingest (--ingest-port)");
    }

    @Test
    void aPortInUseStopsTheStartBeforeAnythingStartsNamingThePortAndItsOption() throws Exception {
        // given a port already taken
        try (ServerSocket taken = new ServerSocket(0)) {
            int[] port = Ports.free(8);
            LocalPlatformOptions options = LocalPlatformOptions.parse("--kafka-port=" + port[0],
                    "--kafka-controller-port=" + port[1], "--registry-port=" + taken.getLocalPort(),
                    "--ingest-port=" + port[2], "--notification-port=" + port[3],
                    "--postgres-port=" + port[4], "--smtp-port=" + port[5], "--imap-port=" + port[6],
                    "--mail-page-port=" + port[7], "--data-dir=target/never-created");

            // when the platform starts, then it refuses, naming the port and the option to change it
            assertThatThrownBy(() -> LocalPlatform.start(options, new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " (schema registry) is already in use. Stop whatever "
                            + "is using it, or choose another port with --registry-port=<port>.");
            assertThat(Path.of("target/never-created")).doesNotExist();
        }
    }
}
