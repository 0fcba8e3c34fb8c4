/**
 * The documents the ATS keeps per candidate: upload (type checked by content, 15 MB at most, SHA-256
 * recorded), list and download. Sending them to an HR system is the export's business.
 */
package com.hirerelay.host.documents;
