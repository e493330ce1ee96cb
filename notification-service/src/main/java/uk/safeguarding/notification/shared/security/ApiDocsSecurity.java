package uk.safeguarding.notification.shared.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description says how to sign in, so Swagger UI's "Authorize" offers HTTP Basic and bearer tokens. */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    @Bean
    OpenAPI notificationServiceApi() {
        return new OpenAPI()
                .info(new Info().title("notification-service").description("Every call is made as a person bound to"
                        + " one organisation and a role (see the README's access matrix)."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A local account: e-mail address and password"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A token from the identity provider with org and roles claims")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
