package io.flotilla.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code flotilla.max-request-body} with 413, both when the declared
 * length is too large and when a chunked body grows past the limit while being read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimit extends OncePerRequestFilter {

    private final long limit;

    public BodySizeLimit(FlotillaProperties properties) {
        this.limit = properties.maxRequestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body has " + request.getContentLengthLong() + " bytes; the limit is " + limit
                            + " bytes (setting flotilla.max-request-body).", request.getRequestURI());
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                        "The request body is larger than the limit of " + limit
                                + " bytes (setting flotilla.max-request-body).", request.getRequestURI());
            }
        } catch (ServletException e) {
            if (causedByTooLarge(e) && !response.isCommitted()) {
                response.reset();
                Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                        "The request body is larger than the limit of " + limit
                                + " bytes (setting flotilla.max-request-body).", request.getRequestURI());
            } else {
                throw e;
            }
        }
    }

    private static boolean causedByTooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
