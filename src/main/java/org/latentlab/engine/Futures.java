package org.latentlab.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/** Work for a future that may throw a checked exception. */
final class Futures {
    private Futures() {}

    /** Runs {@code work}, wrapping a checked exception for a future. */
    static <T> T unchecked(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
