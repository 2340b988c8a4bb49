package io.flotilla.iam;

import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every cookie the server sets (session, XSRF-TOKEN) is SameSite=Lax. */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

    @Bean
    CookieSameSiteSupplier sameSiteLax() {
        return CookieSameSiteSupplier.ofLax();
    }
}
