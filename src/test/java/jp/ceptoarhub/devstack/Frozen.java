package jp.ceptoarhub.devstack;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dependency's processes stopped with SIGSTOP (a server that hangs: connections stay open, nothing answers) until
 * {@link #close} resumes them with SIGCONT. Use it in try-with-resources; whatever is still frozen when the JVM
 * exits is resumed by a shutdown hook, so a failing test can never leave a stack frozen for the tests after it or
 * unstoppable at the end.
 */
public final class Frozen implements AutoCloseable {
    private static final Set<Long> FROZEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FROZEN.forEach(pid -> signal("CONT", pid)),
                "devstack-resume-frozen"));
    }

    private final String what;
    private final List<Long> pids;
    private boolean resumed;

    private Frozen(String what, List<Long> pids) {
        this.what = what;
        this.pids = pids;
    }

    static Frozen freeze(String what, List<Long> pids) {
        if (pids.isEmpty()) {
            throw new IllegalStateException("No process of " + what + " found to freeze");
        }
        FROZEN.addAll(pids);
        pids.forEach(pid -> signal("STOP", pid));
        return new Frozen(what, pids);
    }

    /** True while any process of any stack of this JVM is frozen. */
    public static boolean anyFrozen() {
        return !FROZEN.isEmpty();
    }

    @Override
    public synchronized void close() {
        if (!resumed) {
            resumed = true;
            pids.forEach(pid -> signal("CONT", pid));
            pids.forEach(FROZEN::remove);
        }
    }

    @Override
    public String toString() {
        return what + " " + pids + (resumed ? " (resumed)" : " (frozen)");
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
