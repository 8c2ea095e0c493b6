-- V51: numbering (decisions §4). One row per tenant and series holds the series' prefix and the last number
-- handed out; taking a number locks the row in the transaction that makes the numbered item visible, so numbers
-- are unique, follow the order of commits and are never reused (a rolled-back transaction hands its number back
-- before anyone saw it). Series: ALERT (NISC provisions T1, T2 … in the national tenant; each CEPTOAR's own alerts
-- under the prefix the tenant chooses) and, later, REPORT (R1, R2 … assigned by NISC).
CREATE TABLE number_series (
    tenant_id   BIGINT       NOT NULL,
    series      VARCHAR(20)  NOT NULL,
    prefix      VARCHAR(12)  NOT NULL,
    last_value  BIGINT       NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_number_series PRIMARY KEY (tenant_id, series),
    CONSTRAINT fk_number_series_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
