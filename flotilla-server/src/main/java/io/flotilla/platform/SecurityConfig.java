package io.flotilla.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint but health needs an authenticated principal (HTTP basic for now). Failures answer
 * problem+json. Decisions beyond "authenticated" are made by the iam AccessControl service.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/healthz").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("flotilla").authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"flotilla\"");
                    Problems.write(res, HttpStatus.UNAUTHORIZED, "Unauthorized",
                            "Sign in: send HTTP basic credentials (user admin; the password is in the data "
                                    + "directory's admin-password file on first start).", req.getRequestURI());
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((req, res, e) -> Problems.write(res,
                        HttpStatus.FORBIDDEN, "Forbidden", "You may not do this.", req.getRequestURI())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.contentTypeOptions(c -> { }).frameOptions(f -> f.deny()));
        return http.build();
    }
}
