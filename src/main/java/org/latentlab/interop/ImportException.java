package org.latentlab.interop;

/** A generator or encoder that cannot be imported, with the reason in words a user can act on. */
public final class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }
}
