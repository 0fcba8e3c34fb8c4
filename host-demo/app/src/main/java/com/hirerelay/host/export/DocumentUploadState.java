package com.hirerelay.host.export;

/** Where one document stands with one employee of an HR system. */
public enum DocumentUploadState {
    /** Being sent, or the host stopped while it was: the next send looks in the HR system first. */
    PENDING,
    /** The employee's file has it. */
    UPLOADED,
    /** The last try failed; sending it again is safe. */
    FAILED
}
