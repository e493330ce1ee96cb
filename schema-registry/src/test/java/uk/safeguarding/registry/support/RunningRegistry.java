package uk.safeguarding.registry.support;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.registry.SchemaRegistryApplication;

/**
 * The registry started the way the testkit and the local run start it ({@code SchemaRegistryApplication.builder()}
 * with arguments), on a free port, serving real HTTP.
 */
public final class RunningRegistry implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String url;

    private RunningRegistry(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static RunningRegistry start(String database) {
        return new RunningRegistry(SchemaRegistryApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"));
    }

    public String url() {
        return url;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public RegistryHttp http() {
        return new RegistryHttp(url);
    }

    @Override
    public void close() {
        context.close();
    }
}
