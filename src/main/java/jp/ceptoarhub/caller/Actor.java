package jp.ceptoarhub.caller;

import io.micronaut.core.annotation.Nullable;

/**
 * Who made a change, as the audit log and record histories store it: {@code tenantId} is the actor's own tenant
 * (the national tenant for platform admins acting on a CEPTOAR), {@code subject} the token subject. A system
 * actor (start-up bootstrap, background work) has no subject and a name starting with {@code system:}.
 */
public record Actor(long tenantId, @Nullable String subject, @Nullable String name) {
    public static Actor system(String what) {
        return new Actor(0, null, "system:" + what);
    }
}
