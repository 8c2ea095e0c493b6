package jp.ceptoarhub.national.disclosure;

/**
 * An earlier published release with the snapshot it was computed from. A new release is protected against
 * differencing with it (TEMPORAL): the attacker's equations include everything the earlier release published, linked
 * to the current unknowns wherever a base group's respondents and answers did not change.
 */
public record PriorRelease(ReleaseRequest request, Release release) {
    public PriorRelease {
        if (!request.releaseId().equals(release.releaseId())) {
            throw new IllegalArgumentException("prior release " + release.releaseId() + " was computed from request "
                    + request.releaseId());
        }
    }
}
