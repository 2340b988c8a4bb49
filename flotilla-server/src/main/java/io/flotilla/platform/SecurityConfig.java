package io.flotilla.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Cross-cutting security primitives. The filter chain (sessions, CSRF, basic, access keys, OIDC) is
 * owned by the iam module ({@code io.flotilla.iam.WebSecurityConfig}); decisions are made by its
 * {@code Authorization} service.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** bcrypt by default, with the algorithm id stored in the hash so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
