package jp.ceptoarhub.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class TenantCommands {
    private TenantCommands() {
    }

    /** A platform admin registers a CEPTOAR as a tenant. */
    @Serdeable
    public record CreateTenant(
            @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{1,30}[a-z0-9]$",
                    message = "must be 3-32 characters: lower-case letters, digits and hyphens, starting with a letter")
            String code,
            @NotBlank @Size(max = 200) String nameJa,
            @NotBlank @Size(max = 200) String nameEn,
            @Nullable @Size(max = 40) String ceptoarCode,
            @Nullable @Min(7) @Max(1095) Integer staleAfterDays,
            @NotNull @Valid FirstAdmin firstAdmin) {
    }

    @Serdeable
    public record FirstAdmin(
            @NotBlank @Size(min = 3, max = 100) @Pattern(regexp = "^[A-Za-z0-9._@-]+$",
                    message = "may contain letters, digits and . _ @ - only") String username,
            @NotBlank @Email @Size(max = 255) String email,
            @Nullable @Size(max = 200) String displayName) {
    }

    @Serdeable
    public record UpdateTenant(
            @Nullable @Size(min = 1, max = 200) String nameJa,
            @Nullable @Size(min = 1, max = 200) String nameEn,
            @Nullable @Min(7) @Max(1095) Integer staleAfterDays) {
    }
}
