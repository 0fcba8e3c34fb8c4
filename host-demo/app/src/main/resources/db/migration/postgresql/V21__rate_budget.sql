-- The rate budget shared by host instances (RateBudget in the plugin SPI): one row per request counted in a
-- budget's sliding window, deleted once it leaves the window. Only PostgreSQL needs it: on SQLite one host
-- counts in memory. UNLOGGED: losing the last minute's counts in a server crash costs a few paced requests,
-- and spares the WAL a write per request.
CREATE UNLOGGED TABLE rate_budget_uses (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    budget_key TEXT NOT NULL,
    counted_at BIGINT NOT NULL
);

CREATE INDEX rate_budget_uses_by_key ON rate_budget_uses (budget_key, counted_at);
