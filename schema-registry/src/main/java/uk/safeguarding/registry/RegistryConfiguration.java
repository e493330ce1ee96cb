package uk.safeguarding.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.registry.compatibility.CompatibilityChecker;
import uk.safeguarding.registry.core.SchemaRegistry;
import uk.safeguarding.registry.core.SchemaStore;
import uk.safeguarding.registry.store.JdbcSchemaStore;

/** Wires the plain registry classes to Spring's JDBC and transactions. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    SchemaStore schemaStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new JdbcSchemaStore(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    SchemaRegistry schemaRegistry(SchemaStore store) {
        return new SchemaRegistry(store, new CompatibilityChecker());
    }
}
