package io.flotilla.platform;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web console built into {@code classpath:/static} at {@code /}: hashed assets cached for a
 * year, everything else revalidated, and client-side routes (deep links such as
 * {@code /clusters/east/workloads}) answered with {@code index.html}. API paths are never answered here.
 * Registered before Spring Boot's default static mapping, which then steps aside.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleResources implements WebMvcConfigurer, Ordered {

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(STATIC + "assets/")
                .setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(STATIC)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new ClientRouteFallback());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** A file when one exists; index.html for client routes; nothing for API paths and missing files. */
    static final class ClientRouteFallback extends PathResourceResolver {
        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            String path = "/" + resourcePath;
            if (!ConsoleRoutes.isConsolePath(path)) {
                return null;
            }
            Resource file = super.getResource(resourcePath, location);
            if (file != null) {
                return file;
            }
            if (ConsoleRoutes.isClientRoute(path)) {
                Resource index = location.createRelative("index.html");
                return index.exists() && index.isReadable() ? index : null;
            }
            return null;
        }
    }
}
