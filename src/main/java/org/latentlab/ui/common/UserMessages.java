package org.latentlab.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns exceptions into one sentence for the user. */
public final class UserMessages {
    private UserMessages() {}

    public static String of(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e.getMessage() == null) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof OutOfMemoryError) {
            return "Not enough memory for this operation.";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "Something went wrong (" + e.getClass().getSimpleName() + ")." : m;
    }
}
