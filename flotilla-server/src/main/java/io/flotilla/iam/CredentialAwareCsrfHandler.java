package io.flotilla.iam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * The single-page-application CSRF handling of Spring Security ({@code csrf().spa()}: the token is
 * rendered to the XSRF-TOKEN cookie and accepted raw from the X-XSRF-TOKEN header or BREACH-masked
 * from a parameter), except that a request carrying its own {@code Authorization} header (basic,
 * access key) gets no token: CSRF protection does not apply to it ({@link WebSecurityConfig}), so
 * generating a random token and a Set-Cookie for every scripted API call was pure cost.
 */
final class CredentialAwareCsrfHandler implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        if (request.getHeader("Authorization") != null) {
            return;
        }
        xor.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        String header = request.getHeader(token.getHeaderName());
        return (StringUtils.hasText(header) ? plain : xor).resolveCsrfTokenValue(request, token);
    }
}
