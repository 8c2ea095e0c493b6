package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A member's submission for a campaign (see V11): the latest round's status and review. */
@MappedEntity("self_assessment_submission")
record Submission(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long campaignId,
        Long memberOperatorId,
        String status,
        Integer round,
        String catalogueVersion,
        Instant firstSubmittedAt,
        Instant submittedAt,
        @Nullable String submittedBy,
        @Nullable String submittedBySubject,
        @Nullable Instant reviewedAt,
        @Nullable String reviewedBy,
        @Nullable String reviewComment,
        Instant updatedAt,
        @Version @Nullable Long version) {

    enum Status { SUBMITTED, ACCEPTED, RETURNED }

    long versionOrZero() {
        return version == null ? 0 : version;
    }

    Submission resubmitted(String by, String subject, Instant now) {
        return new Submission(id, tenantId, campaignId, memberOperatorId, Status.SUBMITTED.name(), round + 1,
                AssessmentCatalogue.VERSION, firstSubmittedAt, now, by, subject, null, null, null, now, version);
    }

    /** The same submission, changed by the secretariat's coding of a snapshot answer (a new version, same state). */
    Submission touched(Instant now) {
        return new Submission(id, tenantId, campaignId, memberOperatorId, status, round, catalogueVersion,
                firstSubmittedAt, submittedAt, submittedBy, submittedBySubject, reviewedAt, reviewedBy, reviewComment,
                now, version);
    }

    Submission reviewed(Status to, @Nullable String comment, String by, Instant now) {
        return new Submission(id, tenantId, campaignId, memberOperatorId, to.name(), round, catalogueVersion,
                firstSubmittedAt, submittedAt, submittedBy, submittedBySubject, now, by, comment, now, version);
    }
}
