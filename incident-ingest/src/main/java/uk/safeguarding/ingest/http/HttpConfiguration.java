package uk.safeguarding.ingest.http;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The correlation id on every path, before any other filter, so that even the earliest refusal carries it. */
@Configuration(proxyBeanMethods = false)
public class HttpConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationId> correlationIdFilter() {
        FilterRegistrationBean<CorrelationId> registration = new FilterRegistrationBean<>(new CorrelationId());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After the correlation id, before the token filter: so refusals of the token filter are counted too. */
    @Bean
    FilterRegistrationBean<SubmissionMetrics> submissionMetricsFilter(io.micrometer.core.instrument.MeterRegistry meters) {
        FilterRegistrationBean<SubmissionMetrics> registration = new FilterRegistrationBean<>(new SubmissionMetrics(meters));
        registration.addUrlPatterns(SubmissionMetrics.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
