package uk.safeguarding.registry.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's registry reads JSON request bodies whatever they are labelled (its clients have sent
 * application/octet-stream, and curl without -H sends form encoding), so Jackson here reads and writes those too.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                List<MediaType> types = new ArrayList<>();
                types.add(RegistryMediaTypes.V1_JSON_TYPE);
                types.add(RegistryMediaTypes.JSON_TYPE);
                types.add(MediaType.APPLICATION_JSON);
                types.add(MediaType.APPLICATION_OCTET_STREAM);
                types.add(new MediaType("application", "*+json"));
                jackson.setSupportedMediaTypes(types);
            }
        }
    }
}
