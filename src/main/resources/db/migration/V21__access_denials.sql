-- Denied attempts of signed-in callers (403, and 401 for a token without the second factor the role needs), counted
-- per caller, method, route (ids replaced by {id}), status, reason and minute, for platform admins. Written in
-- batches by the service, one upsert per distinct key: never on a tenant's hash-chained audit log, so a flood of
-- denials cannot queue on that chain's lock. user_id 0 is the "(various)" bucket of a flood beyond the counters kept
-- in memory.
CREATE TABLE access_denial (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     BIGINT       NOT NULL,                  -- the caller's tenant
    window_start  TIMESTAMP(3) NOT NULL,                  -- the minute the denials fell in
    user_id       BIGINT       NOT NULL,
    username      VARCHAR(255) NOT NULL,
    role          VARCHAR(40)  NOT NULL,
    method        VARCHAR(10)  CHARACTER SET ascii NOT NULL,
    route         VARCHAR(300) NOT NULL,
    status        SMALLINT     NOT NULL,
    reason        VARCHAR(80)  CHARACTER SET ascii NOT NULL,
    denial_count  BIGINT       NOT NULL,
    first_at      TIMESTAMP(3) NOT NULL,
    last_at       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_access_denial UNIQUE (tenant_id, window_start, user_id, method, route, status, reason),
    KEY ix_access_denial_tenant (tenant_id, id),
    KEY ix_access_denial_last (last_at),
    CONSTRAINT fk_access_denial_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
