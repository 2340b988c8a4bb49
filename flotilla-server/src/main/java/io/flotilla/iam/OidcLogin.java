package io.flotilla.iam;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** OIDC single sign-on; present only when an issuer is configured. */
interface OidcLogin {

    /** Adds the authorization-code login to the security chain. */
    void configure(HttpSecurity http) throws Exception;
}
