package com.hirerelay.api.hris;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a document, read when the upload runs rather than when it was queued. Each call opens a
 * new stream from the start, so a connector may read it again for a retry; the caller closes the stream.
 *
 * @since 1.3.0
 */
@FunctionalInterface
public interface DocumentContent {

    /**
     * @return a new stream over the document's bytes, from the first
     * @throws IOException if the host can no longer read the document
     */
    InputStream open() throws IOException;
}
