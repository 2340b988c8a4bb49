package io.flotilla.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AuditFilterTest {

    private final AuditService audit = mock(AuditService.class);
    private final AuditFilter filter = new AuditFilter(audit);

    private static MockHttpServletRequest post(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.setRemoteAddr("10.0.0.7");
        return request;
    }

    @Test
    void recordsTheEntryEvenWhenTheHandlerFailsAfterItsChange() {
        HttpServlet failing = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                try {
                    req.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("failed after the mutation was committed");
            }
        };
        assertThatThrownBy(() -> filter.doFilter(post("/api/v1/clusters", "{\"name\":\"c1\",\"token\":\"s3cret\"}"),
                new MockHttpServletResponse(), new MockFilterChain(failing)))
                .hasMessageContaining("failed after the mutation was committed");
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit).append(event.capture());
        assertThat(event.getValue().status()).isEqualTo(500);
        assertThat(event.getValue().action()).isEqualTo("clusters.create");
        assertThat(event.getValue().target().name()).isEqualTo("c1");
        assertThat(event.getValue().sourceIp()).isEqualTo("10.0.0.7");
        assertThat(event.getValue().summary()).contains("token=***").doesNotContain("s3cret");
    }

    @Test
    void recordsTheHandlersStatus() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet conflict = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setStatus(409);
            }
        };
        filter.doFilter(post("/api/v1/groups", "{\"name\":\"g\"}"), response, new MockFilterChain(conflict));
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit).append(event.capture());
        assertThat(event.getValue().status()).isEqualTo(409);
        assertThat(event.getValue().actor()).isEqualTo("anonymous");
    }

    @Test
    void readsAreNotAudited() throws ServletException, IOException {
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/clusters"), new MockHttpServletResponse(),
                new MockFilterChain());
        verify(audit, never()).append(any());
    }
}
