package uk.safeguarding.notification.shared.consumers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.platform.failure.DependencyFailure;
import uk.safeguarding.platform.failure.Failures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Finds the records at fault in a batch whose work failed, so that the others are not held back: the work is done
 * again on each half (each its own database transaction), down to the single records that fail alone. A batch with one
 * bad record in a thousand costs about twenty extra transactions, not a thousand. A failure of a dependency stops the
 * search at once: it is thrown as a {@link DependencyFailure} for the whole batch to be read again after a back-off.
 */
public final class Isolation {

    private static final Logger log = LoggerFactory.getLogger(Isolation.class);

    private Isolation() {
    }

    /**
     * @param items   the batch
     * @param work    the work on some of the items, in one transaction; its results
     * @param atFault told of each item that fails alone, and why (it is left out of the results)
     * @param what    what the items are, for the log ("incidents")
     */
    public static <T, R> List<R> isolate(List<T> items, Function<List<T>, List<R>> work,
                                         BiConsumer<T, RuntimeException> atFault, String what) {
        if (items.isEmpty()) {
            return List.of();
        }
        try {
            return work.apply(items);
        } catch (RuntimeException e) {
            if (Failures.isDependency(e)) {
                throw new DependencyFailure("a batch of " + items.size() + " " + what + " failed: "
                        + Failures.describe(e));
            }
            if (items.size() == 1) {
                atFault.accept(items.get(0), e);
                return List.of();
            }
            log.warn("A batch of {} {} failed ({}): done again in halves to find the record at fault", items.size(),
                    what, Failures.describe(e));
            int half = items.size() / 2;
            List<R> results = new ArrayList<>(isolate(items.subList(0, half), work, atFault, what));
            results.addAll(isolate(items.subList(half, items.size()), work, atFault, what));
            return results;
        }
    }
}
