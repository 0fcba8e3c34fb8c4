package com.hirerelay.api.hris;

/**
 * What a candidate's document is, so that a connector can file it (a CV and an offer letter may belong in
 * different folders) and a host can preselect the usual ones.
 *
 * @since 1.3.0
 */
public enum DocumentKind {
    /** A CV or résumé. */
    CV,
    /** An offer letter or contract, usually signed. */
    OFFER_LETTER,
    /** Anything else: a certificate, an ID, a portfolio. */
    OTHER
}
