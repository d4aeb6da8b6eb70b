package org.cityos.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the limit before they are read: by {@code Content-Length} when declared, by
 * counting bytes when chunked. Multipart uploads have their own, larger limit.
 */
final class BodySizeLimit extends OncePerRequestFilter {
    private final ProblemWriter problems;
    private final long maxBody;
    private final long maxUpload;

    BodySizeLimit(ProblemWriter problems, long maxBody, long maxUpload) {
        this.problems = problems;
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase().startsWith("multipart/") ? maxUpload : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(request, response, new PayloadTooLarge(limit));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Counting(request, limit), response);
    }

    private static final class Counting extends HttpServletRequestWrapper {
        private final long limit;

        Counting(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = in.read(buf, off, len);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > limit) {
                        throw new PayloadTooLarge(limit);
                    }
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
            };
        }
    }
}
