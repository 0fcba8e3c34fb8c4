package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;

/**
 * Where a document now is in the HR system.
 *
 * @param remoteId the HR system's id of the document (or of the file it wrote); not blank
 * @param alreadyPresent true when the connector found the document there already (uploaded by an earlier
 *                       call whose answer was lost, say) and sent nothing
 * @since 1.3.0
 */
public record UploadedDocument(String remoteId, boolean alreadyPresent) {

    /**
     * @throws IllegalArgumentException if the id is blank
     */
    public UploadedDocument {
        Require.notBlank(remoteId, "remote document id");
    }
}
