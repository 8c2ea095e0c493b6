package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Disclosure control of a release: what the next round's snapshot and summary code calls. {@link #protect} turns a
 * {@link ReleaseRequest} (member-level data of one snapshot) and the earlier published releases into an immutable
 * {@link Release}: each component (a question with the questions conditional on it) is redesigned, its primaries
 * found, secondaries added until the LP audit passes as every profile of the scope, escalated (pool, withhold) when
 * that fails; concentration tables get their naming rule. Components share nothing and run in parallel; each is
 * deterministic, so the release is byte-identical however many threads run.
 */
public final class DisclosureControl {
    /** Changes whenever a change to the rules, the search or the audit can change a pattern. */
    public static final String ALGORITHM_VERSION = "cell-suppression-1";

    private final DisclosureParameters parameters;
    private final int threads;

    public DisclosureControl(DisclosureParameters parameters, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.parameters = parameters;
        this.threads = threads;
    }

    /**
     * Protects a release.
     *
     * @param priors the earlier published releases with their snapshots, oldest first
     * @param scope  {@link AuditScope#ALL_PROFILES} for anything that is published
     * @throws DisclosureException when a component cannot be protected even withheld
     */
    public Release protect(ReleaseRequest request, List<PriorRelease> priors, AuditScope scope) {
        IndexedRequest current = new IndexedRequest(request);
        Set<String> previouslySuppressed = priors.isEmpty() ? Set.of() : suppressedKeys(priors.getLast().release());
        List<List<QuestionTable>> components = current.components();
        List<ComponentProtection.Result> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ComponentProtection.Result>> futures = new ArrayList<>();
            for (List<QuestionTable> component : components) {
                // each task indexes the request on its own: IndexedRequest caches answer masks and is not shared
                futures.add(pool.submit(() -> new ComponentProtection(parameters, scope, new IndexedRequest(request),
                        priors, previouslySuppressed).protect(component)));
            }
            for (Future<ComponentProtection.Result> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DisclosureException("interrupted while protecting release " + request.releaseId());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return ReleaseAssembly.assemble(request, current, parameters, scope, components, results, priors);
    }

    /**
     * Recomputes an existing release from its own request and priors and proves it unchanged: refused when the
     * release was made by another algorithm version or with other parameters (two patterns of one snapshot are two
     * releases an attacker could difference), and when the recomputation is not byte-identical.
     */
    public Release reissue(Release existing, ReleaseRequest request, List<PriorRelease> priors) {
        if (!existing.algorithmVersion().equals(ALGORITHM_VERSION)) {
            throw new DisclosureException("release " + existing.releaseId() + " was made by " + existing.algorithmVersion()
                    + "; " + ALGORITHM_VERSION + " does not recompute it");
        }
        if (!existing.parameters().equals(parameters)) {
            throw new DisclosureException("release " + existing.releaseId() + " was made with other parameters");
        }
        if (!existing.releaseId().equals(request.releaseId())) {
            throw new DisclosureException("request " + request.releaseId() + " is not release " + existing.releaseId());
        }
        Release again = protect(request, priors, existing.auditScope());
        if (!Arrays.equals(again.json(), existing.json()) || !Arrays.equals(again.auditJson(), existing.auditJson())) {
            throw new DisclosureException("release " + existing.releaseId() + " does not recompute identically");
        }
        return existing;
    }

    private static Set<String> suppressedKeys(Release release) {
        Set<String> keys = new TreeSet<>();
        for (Release.SuppressedCell c : release.audit().cells()) {
            if (c.published()) {
                keys.add(c.key());
            }
        }
        return new LinkedHashSet<>(keys);
    }
}
